namespace Hierarchy.Domain.Issues;

/// <summary>Where an issue stands in the closed loop: 基层报 → 中心接 → 平台转 → 部门办 → 限时结 → 群众评.</summary>
public enum IssueStatus
{
    /// <summary>Reported by a citizen or raised by staff (基层报).</summary>
    Reported = 1,

    /// <summary>Accepted by the centre (中心接); dispatch follows at once.</summary>
    Accepted = 2,

    /// <summary>Dispatched to its owner (平台转), which has not started yet.</summary>
    Dispatched = 3,

    /// <summary>The owner is working on it (部门办).</summary>
    InProgress = 4,

    /// <summary>The owner resolved it (限时结) and the citizen has not rated it yet.</summary>
    Resolved = 5,

    /// <summary>Rated by the citizen (群众评) and closed.</summary>
    Closed = 6,
}
