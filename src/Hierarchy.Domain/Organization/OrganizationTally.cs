namespace Hierarchy.Domain.Organization;

/// <summary>What a first receiver did with the issues it received first in a period, as storage counts them.</summary>
/// <param name="Received">Gets the issues it received first.</param>
/// <param name="HandedOn">Gets those it handed on to the community (有事您找我: not its job).</param>
/// <param name="ResolvedItself">Gets those it resolved itself.</param>
/// <param name="Late">Gets those whose deadline passed while it held them, so the sweeper moved them on.</param>
/// <param name="Rated">Gets those it resolved itself that the citizen rated.</param>
/// <param name="Satisfied">Gets those of them rated satisfied or basically satisfied.</param>
public sealed record OrganizationTally(long Received, long HandedOn, long ResolvedItself, long Late, long Rated, long Satisfied);
