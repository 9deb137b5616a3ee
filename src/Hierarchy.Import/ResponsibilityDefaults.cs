using Hierarchy.Domain.Errors;
using Hierarchy.Domain.Responsibility;

namespace Hierarchy.Import;

/// <summary>The 职责清单 a new install starts with: <c>samples/responsibility/</c>, shipped inside this assembly.</summary>
public static class ResponsibilityDefaults
{
    private static readonly Lazy<ResponsibilityMatrix> Shipped = new(() =>
        ResponsibilityListCsv.Parse(ReadShipped("departments.csv"), ReadShipped("categories.csv")));

    /// <summary>Gets the shipped list.</summary>
    public static ResponsibilityMatrix List => Shipped.Value;

    private static string ReadShipped(string name)
    {
        using var stream = typeof(ResponsibilityDefaults).Assembly.GetManifestResourceStream($"responsibility/{name}")
            ?? throw new NotFoundException($"shipped responsibility list file {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
