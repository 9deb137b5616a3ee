using Hierarchy.Domain.Issues;
using Hierarchy.Domain.Organization;

namespace Hierarchy.Storage.Stores;

/// <summary>A unit on the key unit list: its terms and who answers for it (三个一).</summary>
/// <param name="UnitId">Gets the unit.</param>
/// <param name="Level">Gets its level.</param>
/// <param name="Observation">Gets the terms of its observation.</param>
/// <param name="Partners">Gets its county leader, red-collar secretary and county department.</param>
public sealed record KeyUnitEntry(long UnitId, OrgLevel Level, KeyUnitObservation Observation, KeyUnitPartners Partners);
