using Hierarchy.Domain.Errors;

namespace Hierarchy.Import;

/// <summary>Reads the NBS divisions CSV (<c>code,name,level,parent_code,urban_rural_code</c>; names carry no commas or quotes).</summary>
public static class DivisionsCsv
{
    private const string Header = "code,name,level,parent_code,urban_rural_code";

    /// <summary>Reads every row; a malformed line is an error naming its line number.</summary>
    /// <exception cref="InvalidFieldException">The file is not in the divisions format.</exception>
    public static IEnumerable<DivisionRow> Read(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header?.TrimStart('\uFEFF') != Header)
        {
            throw new InvalidFieldException("csv", $"{source} does not start with the header '{Header}'");
        }

        var number = 1;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != 5 || fields[0].Length != 12 || !fields[0].All(char.IsAsciiDigit))
            {
                throw new InvalidFieldException("csv", $"{source} line {number} is not a divisions row: '{line}'");
            }

            yield return new DivisionRow(fields[0], fields[1], fields[2], fields[3]);
        }
    }

    /// <summary>Opens a divisions extract shipped inside this assembly: "beijing-11.csv" or "weidu-411002.csv".</summary>
    public static TextReader OpenShipped(string name) =>
        new StreamReader(typeof(DivisionsCsv).Assembly.GetManifestResourceStream($"divisions/{name}")
            ?? throw new NotFoundException($"shipped divisions extract {name}"));
}
