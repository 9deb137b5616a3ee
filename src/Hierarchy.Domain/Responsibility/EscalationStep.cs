using Hierarchy.Domain.Organization;

namespace Hierarchy.Domain.Responsibility;

/// <summary>One step of an escalation chain: a unit, a department or an attached organisation, with the time it has.</summary>
/// <param name="UnitIndex">Gets the unit's index in the snapshot; -1 for a department's or an organisation's step.</param>
/// <param name="Level">Gets the unit's level; null for a department's or an organisation's step.</param>
/// <param name="Department">Gets the department of a department step.</param>
/// <param name="TimeLimit">Gets the time limit at this step.</param>
/// <param name="Organization">Gets the organisation of an organisation's step (a zone, a first receiver).</param>
public readonly record struct EscalationStep(
    int UnitIndex, OrgLevel? Level, Department? Department, TimeSpan TimeLimit, AttachedOrganization? Organization = null);
