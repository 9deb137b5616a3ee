using System.Text;
using Hierarchy.Domain.Errors;

namespace Hierarchy.Domain.Responsibility;

/// <summary>One line of RFC 4180 CSV as spreadsheets write it: fields split by commas, a quoted field may hold commas and doubled quotes.</summary>
public static class CsvLine
{
    /// <summary>Splits a line into its fields.</summary>
    /// <exception cref="InvalidFieldException">A quote is not closed.</exception>
    public static List<string> Split(string line, string field, int number)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    current.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && current.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new InvalidFieldException(field, $"line {number}: a quoted field is not closed");
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>Joins fields into a line, quoting those that need it.</summary>
    public static string Join(IEnumerable<string> fields) => string.Join(',', fields.Select(f =>
        f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f));
}
