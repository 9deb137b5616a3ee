namespace Hierarchy.Domain.Supervision;

/// <summary>Why a supervision order (督办单) is issued.</summary>
public enum SupervisionGround
{
    /// <summary>A department a whistle called did not report (不报到).</summary>
    NotReported = 1,

    /// <summary>It reported after its time (迟报到).</summary>
    LateReport = 2,

    /// <summary>It does nothing, passes the buck or drags the work out (不作为、推诿扯皮、拖延办理).</summary>
    Inaction = 3,
}
