using Hierarchy.Import;
using Hierarchy.Storage;

namespace Hierarchy.Testing;

/// <summary>山东省寿光市 (370783): 圣城街道's urban communities and 化龙镇's villages, the two kinds of place Shouguang organises.</summary>
public static class ShouguangSample
{
    /// <summary>Gets the county code.</summary>
    public const string County = "370783";

    /// <summary>Gets 圣城街道, an urban street office.</summary>
    public const string Shengcheng = "370783001";

    /// <summary>Gets 化龙镇, a town of villages.</summary>
    public const string Hualong = "370783100";

    /// <summary>Gets 向阳社区居民委员会 of 圣城街道.</summary>
    public const string Xiangyang = "370783001046";

    /// <summary>Gets 学院社区居民委员会 of 圣城街道.</summary>
    public const string Xueyuan = "370783001047";

    /// <summary>Gets 马庄村委会 of 化龙镇.</summary>
    public const string Mazhuang = "370783100200";

    /// <summary>Imports the two streets with a small, seeded plan (60–80 households a community).</summary>
    public static Task<ImportSummary> ImportAsync(StoreSet stores)
    {
        using var reader = DivisionsCsv.OpenShipped("shouguang-370783.csv");
        var rows = DivisionsCsv.Read(reader, "shouguang-370783.csv")
            .Where(r => r.Level is "province" or "city" or "county" || r.Code.StartsWith(Shengcheng, StringComparison.Ordinal)
                || r.Code.StartsWith(Hualong, StringComparison.Ordinal))
            .ToList();
        return new HierarchyImporter(stores).ImportAsync(rows, [County], WeiduSample.SmallPlan, null, CancellationToken.None);
    }
}
