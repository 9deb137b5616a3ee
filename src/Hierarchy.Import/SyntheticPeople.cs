namespace Hierarchy.Import;

/// <summary>Makes up plausible names and mobile numbers from a seeded random source.</summary>
internal static class SyntheticPeople
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    ];

    private static readonly string[] GivenParts =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
        "刚", "桂", "英", "华", "建", "国", "文", "玉", "兰", "红", "志", "海", "燕", "鹏", "辉", "俊", "婷", "雪", "琳", "晨",
    ];

    private static readonly string[] MobilePrefixes = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "186", "188", "189"];

    public static string Name(Random random)
    {
        var given = GivenParts[random.Next(GivenParts.Length)];
        if (random.Next(3) > 0)
        {
            given += GivenParts[random.Next(GivenParts.Length)];
        }

        return Surnames[random.Next(Surnames.Length)] + given;
    }

    /// <summary>
    /// Gets a position's work phone, a landline derived from its unit: the number residents get on service cards, never the
    /// holder's own. Derived, not drawn, so adding it leaves every other synthesised value as it was.
    /// </summary>
    public static string WorkPhone(long unitId) =>
        FormattableString.Invariant($"0{100 + (unitId % 800)}-{10_000_000 + (unitId * 7_919 % 90_000_000):D8}");

    public static string Mobile(Random random) =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
}
