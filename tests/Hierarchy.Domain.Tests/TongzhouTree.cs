using Hierarchy.Domain.Organization;
using Hierarchy.Domain.People;
using Hierarchy.Domain.ReadModel;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Domain.Tests;

/// <summary>A small real slice of 通州区: 梨园镇 and 中仓街道 with two real communities, grids and building groups beneath.</summary>
internal static class TongzhouTree
{
    public const long Tongzhou = 1;
    public const long Liyuan = 2;
    public const long Zhongcang = 3;
    public const long Qunfangyuan = 10;
    public const long Wuxianguan = 11;
    public const long QunfangyuanGrid1 = 100;
    public const long QunfangyuanGrid2 = 101;
    public const long WuxianguanGrid1 = 102;
    public const long Building1 = 1000;
    public const long Building2 = 1001;
    public const long Building3 = 1002;

    public static IReadOnlyList<OrgUnit> Units { get; } =
    [
        new(Tongzhou, OrgLevel.District, "110112", "通州区", null, 1),
        new(Liyuan, OrgLevel.Street, "110112121", "梨园镇", Tongzhou, 1),
        new(Zhongcang, OrgLevel.Street, "110112001", "中仓街道", Tongzhou, 1),
        new(Qunfangyuan, OrgLevel.Community, "110112121013", "群芳园社区居委会", Liyuan, 1),
        new(Wuxianguan, OrgLevel.Community, "110112001006", "悟仙观社区居委会", Zhongcang, 1),
        new(QunfangyuanGrid1, OrgLevel.Grid, "110112121013001", "群芳园社区第1网格党支部", Qunfangyuan, 1),
        new(QunfangyuanGrid2, OrgLevel.Grid, "110112121013002", "群芳园社区第2网格党支部", Qunfangyuan, 1),
        new(WuxianguanGrid1, OrgLevel.Grid, "110112001006001", "悟仙观社区第1网格党支部", Wuxianguan, 1),
        new(Building1, OrgLevel.BuildingGroup, "110112121013001001", "1号楼党小组", QunfangyuanGrid1, 1),
        new(Building2, OrgLevel.BuildingGroup, "110112121013002001", "2号楼党小组", QunfangyuanGrid2, 1),
        new(Building3, OrgLevel.BuildingGroup, "110112001006001001", "1号楼党小组", WuxianguanGrid1, 1),
    ];

    public static IReadOnlyList<Position> StaffedPositions { get; } =
    [
        new(Tongzhou, PositionKind.PartySecretary, "王建国", "13800000001", null, null),
        new(Liyuan, PositionKind.PartySecretary, "李明", "13800000002", null, null),
        new(Zhongcang, PositionKind.PartySecretary, "赵静", "13800000003", null, null),
        new(Qunfangyuan, PositionKind.PartySecretary, "张丽", "13800000004", null, null),
        new(Qunfangyuan, PositionKind.FirstSecretary, "陈海", "13800000005", null, "区水务局"),
        new(Wuxianguan, PositionKind.PartySecretary, "刘洋", "13800000006", null, null),
        new(QunfangyuanGrid1, PositionKind.GridChief, "周敏", "13800000007", 7, null),
        new(WuxianguanGrid1, PositionKind.GridChief, "吴杰", "13800000008", 8, null),
        new(Building1, PositionKind.BuildingLeader, "孙红", "13800000009", 9, null),
        new(Building3, PositionKind.BuildingLeader, "郑文", "13800000010", 10, null),
    ];

    public static ResponsibilityMatrix Matrix { get; } = new(
        [
            Rule("elevator", OrgLevel.BuildingGroup, OrgLevel.Community, "housing"),
            Rule("sewage", OrgLevel.Grid, OrgLevel.Street, "water"),
            Rule("heating", OrgLevel.Community, OrgLevel.District, "housing"),
        ],
        [new Department("housing", "区住房和城乡建设委员会"), new Department("water", "区水务局")]);

    public static OrgTreeSnapshot Snapshot(long version = 1, IEnumerable<Position>? positions = null) =>
        OrgTreeSnapshot.Build(version, Units, positions ?? StaffedPositions, Matrix);

    private static ResponsibilityRule Rule(string category, OrgLevel lowest, OrgLevel ceiling, string department) => new(
        category, category, lowest, ceiling, department,
        new Dictionary<OrgLevel, TimeSpan> { [OrgLevel.Grid] = TimeSpan.FromHours(24), [OrgLevel.Community] = TimeSpan.FromHours(72) },
        TimeSpan.FromHours(120));
}
