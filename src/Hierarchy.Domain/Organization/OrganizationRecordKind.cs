namespace Hierarchy.Domain.Organization;

/// <summary>What is recorded on a property company or committee besides its shape.</summary>
public enum OrganizationRecordKind
{
    /// <summary>考核评价: a compound branch scores it for a month.</summary>
    Evaluation = 1,

    /// <summary>约谈: it was called in to answer for its service.</summary>
    Interview = 2,

    /// <summary>更换: it was replaced; the record names the successor.</summary>
    Replacement = 3,
}
