namespace Hierarchy.Domain.Organization;

/// <summary>One evaluation, interview or replacement of a property company or committee.</summary>
/// <param name="Id">Gets the id; 0 before it is stored.</param>
/// <param name="OrganizationId">Gets the organisation it is about.</param>
/// <param name="Kind">Gets what it records.</param>
/// <param name="At">Gets when.</param>
/// <param name="By">Gets who recorded it.</param>
/// <param name="Month">Gets the month an evaluation scores ("2026-11"); null for the others.</param>
/// <param name="Score">Gets an evaluation's score, 0 to 100; null for the others.</param>
/// <param name="UnitId">Gets the compound branch that evaluates; null for the others.</param>
/// <param name="SuccessorId">Gets the organisation that replaced it; null for the others.</param>
/// <param name="Note">Gets what was said, found or decided.</param>
public sealed record OrganizationRecord(
    long Id, long OrganizationId, OrganizationRecordKind Kind, DateTimeOffset At, string By, string? Month, int? Score, long? UnitId,
    long? SuccessorId, string Note);
