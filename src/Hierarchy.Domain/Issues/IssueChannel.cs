namespace Hierarchy.Domain.Issues;

/// <summary>How an issue reached the system.</summary>
public enum IssueChannel
{
    /// <summary>The 12345 hotline (接诉即办).</summary>
    Hotline = 1,

    /// <summary>A community WeChat group.</summary>
    WeChatGroup = 2,

    /// <summary>Face to face.</summary>
    FaceToFace = 3,

    /// <summary>A grid worker's app report.</summary>
    GridApp = 4,

    /// <summary>A courier or volunteer's report.</summary>
    Volunteer = 5,

    /// <summary>Raised by staff before anyone complained (未诉先办).</summary>
    Proactive = 6,

    /// <summary>A city system or app, through the JSON API or the Open311 bridge.</summary>
    Online = 7,
}
