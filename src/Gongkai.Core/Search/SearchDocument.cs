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
    private readonly byte[]? _tsVectorBinary;

    /// <summary>The tsvector in PostgreSQL's binary wire form (<see cref="BuildBinary"/> only).</summary>
    public byte[] TsVectorBinary => _tsVectorBinary ?? throw new InvalidOperationException("This search document has no binary tsvector.");

    /// <summary>The tsvector literal (PostgreSQL); not built when the caller asked for FTS5 texts only.</summary>
    public string TsVector => _tsVector ?? throw new InvalidOperationException("This search document was built for SQLite only.");

    /// <summary>Space-separated tokens for the FTS5 columns title, doc_no, keywords, summary, body.</summary>
    public string Fts5(SearchField field) => _fts5[(int)field];

    private SearchDocument(string[] fts5, string? tsVector, byte[]? tsVectorBinary)
    {
        _fts5 = fts5;
        _tsVector = tsVector;
        _tsVectorBinary = tsVectorBinary;
    }

    /// <param name="tsVector">False when only SQLite's FTS5 texts are needed (a bulk import into SQLite skips sorting and writing the literal).</param>
    public static SearchDocument Build(string? title, string? docNo, string? keywords, string? summary, string? bodyPlainText, bool tsVector = true) =>
        Build(title, docNo, keywords, summary, bodyPlainText, fts5Texts: true, tsVector ? TsVectorForm.Literal : TsVectorForm.None);

    /// <summary>
    /// Only the tsvector, in binary form, for PostgreSQL's binary COPY (a bulk import): the same
    /// lexemes, positions and weights as <see cref="TsVector"/>, no FTS5 texts.
    /// </summary>
    public static SearchDocument BuildBinary(string? title, string? docNo, string? keywords, string? summary, string? bodyPlainText) =>
        Build(title, docNo, keywords, summary, bodyPlainText, fts5Texts: false, TsVectorForm.Binary);

    private enum TsVectorForm { None, Literal, Binary }

    private static SearchDocument Build(string? title, string? docNo, string? keywords, string? summary, string? bodyPlainText, bool fts5Texts, TsVectorForm form)
    {
        var fields = new[] { title, docNo, keywords, summary, bodyPlainText };
        var fts5 = new string[fields.Length];
        var positions = new Dictionary<string, List<int>>();
        var next = 1;
        var titleEnd = 0;

        for (var f = 0; f < fields.Length; f++)
        {
            var sb = fts5Texts ? new StringBuilder() : null;
            foreach (var token in ChineseTokenizer.Tokenize(fields[f]))
            {
                if (next > MaxPosition) break;
                if (!positions.TryGetValue(token.Text, out var list)) positions[token.Text] = list = [];
                if (sb is { Length: > 0 }) sb.Append(' ');
                if (list.Count < MaxPositionsPerLexeme)
                {
                    list.Add(next);
                    sb?.Append(token.Text);
                }
                else
                {
                    sb?.Append(Filler);
                }
                next++;
            }
            fts5[f] = sb?.ToString() ?? "";
            if (f == (int)SearchField.Title) titleEnd = next - 1;
            // A gap between fields keeps a phrase from matching across a field boundary, as FTS5 columns do.
            next++;
        }

        return new SearchDocument(fts5,
            form == TsVectorForm.Literal ? ToTsVectorLiteral(positions, titleEnd) : null,
            form == TsVectorForm.Binary ? ToTsVectorBinary(positions, titleEnd) : null);
    }

    /// <summary>
    /// A tsvector as PostgreSQL's tsvectorrecv reads it (big-endian): the number of lexemes, then for
    /// each lexeme in byte order its UTF-8 text ending in a zero byte, its number of positions and
    /// each position (14 bits) with its weight in the top two bits (A = 3, D = 0).
    /// </summary>
    private static byte[] ToTsVectorBinary(Dictionary<string, List<int>> positions, int titleEnd)
    {
        var lexemes = positions.Keys.ToArray();
        Array.Sort(lexemes, StringComparer.Ordinal);
        var size = 4;
        foreach (var lexeme in lexemes) size += Encoding.UTF8.GetByteCount(lexeme) + 1 + 2 + 2 * positions[lexeme].Count;
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(span, lexemes.Length);
        var at = 4;
        foreach (var lexeme in lexemes)
        {
            at += Encoding.UTF8.GetBytes(lexeme, span[at..]);
            span[at++] = 0;
            var list = positions[lexeme];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)list.Count);
            at += 2;
            foreach (var position in list)
            {
                var weight = position <= titleEnd ? 3 << 14 : 0;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)(weight | position));
                at += 2;
            }
        }
        return bytes;
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
