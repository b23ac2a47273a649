using System.Text;

namespace Gongkai.Catalog.Import;

/// <summary>One record of a CSV file and the physical line it starts on (1-based, header included).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A small RFC 4180 reader (comma, double quotes, any line ending, quoted fields may span lines)
/// that knows the line each record starts on and says in Chinese what is wrong with a malformed
/// one, so that an import can name every bad line. Blank lines are skipped.
/// </summary>
public sealed class CsvRecords(TextReader reader, int maxRecordChars = 1_000_000)
{
    private int _line = 1;

    /// <summary>The next record, or an error for a malformed one (reading continues after it), or null at the end.</summary>
    public (CsvRecord? Record, (int Line, string Reason)? Error)? Next()
    {
        while (true)
        {
            if (reader.Peek() < 0) return null;
            var start = _line;
            var fields = new List<string>();
            var field = new StringBuilder();
            string? error = null;
            var length = 0;
            var quoted = false;
            var afterQuote = false;
            var anyContent = false;

            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    if (quoted) error ??= "引号没有闭合：某个以双引号开始的字段直到文件末尾都没有结束的双引号。";
                    break;
                }
                if (++length > maxRecordChars) error ??= $"这一行的内容超过 {maxRecordChars} 个字符，太长了。";

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                        else { quoted = false; afterQuote = true; }
                    }
                    else
                    {
                        if (c == '\n' || (c == '\r' && reader.Peek() != '\n')) _line++;
                        if (error is null) field.Append((char)c);
                    }
                    continue;
                }

                if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    anyContent = true;
                    continue;
                }
                if (c == '\r' || c == '\n')
                {
                    if (c == '\r' && reader.Peek() == '\n') reader.Read();
                    _line++;
                    break;
                }
                if (afterQuote)
                {
                    error ??= "引号使用不正确：字段的结束双引号后面还有其他字符（字段内的双引号要写成两个双引号）。";
                    continue;
                }
                if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                    anyContent = true;
                    continue;
                }
                field.Append((char)c);
                anyContent = true;
            }

            if (!anyContent && field.Length == 0 && error is null) continue; // a blank line
            fields.Add(field.ToString());
            return error is null ? (new CsvRecord(start, fields), null) : (null, (start, error));
        }
    }

    /// <summary>Quotes a value for writing when it needs it, and defuses spreadsheet formulas.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A cell starting with = + - @ is run as a formula by spreadsheet programs (CSV injection).
        if ("=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
