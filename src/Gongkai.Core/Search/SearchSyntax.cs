using System.Text;

namespace Gongkai.Search;

/// <summary>
/// Compiles a <see cref="SearchQuery"/> into each engine's query language. Both compilations say
/// the same thing: every included phrase occurs as consecutive tokens, no excluded phrase occurs;
/// optionally, the included phrases occur in the title (for ranking title matches first).
/// The result is passed as a query parameter, never spliced into SQL.
/// </summary>
public static class SearchSyntax
{
    /// <summary>An FTS5 MATCH expression over the five columns (see <see cref="SearchDocument"/>).</summary>
    public static string Fts5(SearchQuery query, bool titleOnly = false)
    {
        if (query.IsEmpty) throw new ArgumentException("An empty query has no FTS5 form.", nameof(query));
        var sb = new StringBuilder();
        if (titleOnly) sb.Append("{title} : (");
        AppendJoined(sb, query.Include, " AND ", Fts5Phrase);
        if (titleOnly)
        {
            sb.Append(')');
            return sb.ToString();
        }
        foreach (var phrase in query.Exclude)
        {
            sb.Append(" NOT ");
            Fts5Phrase(sb, phrase);
        }
        return sb.ToString();
    }

    /// <summary>
    /// A tsquery in its input syntax, cast with ::tsquery (no text parser involved, as for the tsvector).
    /// With <paramref name="titleOnly"/>, the included phrases without weights, to be matched against
    /// ts_filter(tsv, '{a}') — the title positions, which have their own index.
    /// </summary>
    public static string TsQuery(SearchQuery query, bool titleOnly = false)
    {
        if (query.IsEmpty) throw new ArgumentException("An empty query has no tsquery form.", nameof(query));
        var sb = new StringBuilder();
        AppendJoined(sb, query.Include, " & ", (b, p) => TsPhrase(b, p, titleOnly));
        if (titleOnly) return sb.ToString();
        foreach (var phrase in query.Exclude)
        {
            sb.Append(" & !");
            TsPhrase(sb, phrase, false);
        }
        return sb.ToString();
    }

    private static void Fts5Phrase(StringBuilder sb, QueryPhrase phrase)
    {
        sb.Append('(');
        for (var i = 0; i < phrase.Tokens.Count; i++)
        {
            if (i > 0) sb.Append(" + ");
            var t = phrase.Tokens[i];
            sb.Append('"').Append(t.Text.Replace("\"", "\"\"")).Append('"');
            if (t.IsPrefix) sb.Append(" *");
        }
        sb.Append(')');
    }

    private static void TsPhrase(StringBuilder sb, QueryPhrase phrase, bool titleOnly)
    {
        sb.Append('(');
        for (var i = 0; i < phrase.Tokens.Count; i++)
        {
            if (i > 0) sb.Append(" <-> ");
            var t = phrase.Tokens[i];
            SearchDocument.AppendQuoted(sb, t.Text);
            if (t.IsPrefix) sb.Append(":*");
        }
        sb.Append(')');
    }

    private static void AppendJoined(StringBuilder sb, IReadOnlyList<QueryPhrase> phrases, string separator, Action<StringBuilder, QueryPhrase> append)
    {
        for (var i = 0; i < phrases.Count; i++)
        {
            if (i > 0) sb.Append(separator);
            append(sb, phrases[i]);
        }
    }
}
