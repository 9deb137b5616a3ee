namespace Hierarchy.Domain.Access;

/// <summary>What a caller is: another service, a party member, or an admin of a subtree.</summary>
public enum CallerRole
{
    /// <summary>Another service (the 12345 dispatch platform, grid apps): reads everything, personal data masked.</summary>
    Service,

    /// <summary>A party member: sees its own households.</summary>
    Member,

    /// <summary>An admin of one unit's subtree.</summary>
    Admin,

    /// <summary>Staff of a functional department (职能部门): handle what their department owns, report when a whistle calls it.</summary>
    Department,

    /// <summary>A dispatcher of the dispatch centre (调度中心): confirms owners and transfers by hand.</summary>
    Dispatcher,

    /// <summary>A grid worker (网格员, 全科人员): receives, handles and replies to issues in one grid.</summary>
    GridWorker,

    /// <summary>Staff of an attached organisation (a zone's office, a property company, a committee): handle what it owns or received first.</summary>
    Organization,
}
