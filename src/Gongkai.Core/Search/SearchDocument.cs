using System.Text;

namespace Gongkai.Search;

/// <summary>The searchable fields of one catalogue item, in the order they are indexed.</summary>
public enum SearchField { Title, DocNo, Keywords, Summary, Body }

/// <summary>
/// Turns an item's searchable text into what each database indexes: five FTS5 column texts for
/// SQLite and one tsvector literal for PostgreSQL, built from the same token streams so that both
/// find the same documents.
///
/// PostgreSQL limits a tsvector to positions 1–16383 and 256 positions per lexeme; rather than let
/// the two engines disagree on very long bodies, the same limits are applied to both here: tokens
/// beyond the position budget are not indexed anywhere, and a lexeme's occurrences beyond the
/// 256th are replaced in the FTS5 text by a filler token that no query can produce (keeping FTS5's
/// positions aligned with PostgreSQL's).
/// </summary>
public sealed class SearchDocument
{
    public const int MaxPosition = 16383;
    public const int MaxPositionsPerLexeme = 256;

    /// <summary>An ideographic space: a token character for FTS5's ascii tokenizer, a separator for ours.</summary>
    internal const string Filler = "\u3000";

    private readonly string[] _fts5 = new string[5];

    private readonly string? _tsVector;

    /// <summary>The tsvector literal (PostgreSQL); not built when the caller asked for FTS5 texts only.</summary>
    public string TsVector => _tsVector ?? throw new InvalidOperationException("This search document was built for SQLite only.");

    /// <summary>Space-separated tokens for the FTS5 columns title, doc_no, keywords, summary, body.</summary>
    public string Fts5(SearchField field) => _fts5[(int)field];

    private SearchDocument(string[] fts5, string? tsVector)
    {
        _fts5 = fts5;
        _tsVector = tsVector;
    }

    /// <param name="tsVector">False when only SQLite's FTS5 texts are needed (a bulk import into SQLite skips sorting and writing the literal).</param>
    public static SearchDocument Build(string? title, string? docNo, string? keywords, string? summary, string? bodyPlainText, bool tsVector = true)
    {
        var fields = new[] { title, docNo, keywords, summary, bodyPlainText };
        var fts5 = new string[fields.Length];
        var positions = new Dictionary<string, List<int>>();
        var next = 1;
        var titleEnd = 0;

        for (var f = 0; f < fields.Length; f++)
        {
            var sb = new StringBuilder();
            foreach (var token in ChineseTokenizer.Tokenize(fields[f]))
            {
                if (next > MaxPosition) break;
                if (!positions.TryGetValue(token.Text, out var list)) positions[token.Text] = list = [];
                if (sb.Length > 0) sb.Append(' ');
                if (list.Count < MaxPositionsPerLexeme)
                {
                    list.Add(next);
                    sb.Append(token.Text);
                }
                else
                {
                    sb.Append(Filler);
                }
                next++;
            }
            fts5[f] = sb.ToString();
            if (f == (int)SearchField.Title) titleEnd = next - 1;
            // A gap between fields keeps a phrase from matching across a field boundary, as FTS5 columns do.
            next++;
        }

        return new SearchDocument(fts5, tsVector ? ToTsVectorLiteral(positions, titleEnd) : null);
    }

    /// <summary>
    /// A tsvector in its input syntax ('lexeme':1,5A …), cast with ::tsvector. Building the literal
    /// ourselves bypasses PostgreSQL's text parser, whose treatment of CJK depends on the locale.
    /// Title positions carry weight A so that a query can ask for title matches.
    /// </summary>
    private static string ToTsVectorLiteral(Dictionary<string, List<int>> positions, int titleEnd)
    {
        var sb = new StringBuilder();
        foreach (var (lexeme, list) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 0) sb.Append(' ');
            AppendQuoted(sb, lexeme);
            sb.Append(':');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0) sb.Append(',');
                sb.Append(list[i]);
                if (list[i] <= titleEnd) sb.Append('A');
            }
        }
        return sb.ToString();
    }

    internal static void AppendQuoted(StringBuilder sb, string lexeme)
    {
        sb.Append('\'');
        foreach (var c in lexeme)
        {
            if (c is '\'' or '\\') sb.Append(c);
            sb.Append(c);
        }
        sb.Append('\'');
    }
}
