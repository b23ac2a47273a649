using Gongkai.Catalog;

namespace Gongkai.Search;

/// <summary>
/// Answers a query whose phrase ends in a single character matched as a prefix — a 文号 such as
/// 开府办发〔2019〕38号, whose trailing 号 matches every token starting with 号 — without asking the
/// database for that prefix. Neither FTS5 (without a prefix index) nor a GIN index can look up a
/// one-character prefix cheaply: both merge the postings of every token starting with it, and in a
/// catalogue every item has a 文号 ending in 号. Instead the database finds the items matching the
/// query without those trailing prefixes (exact tokens only: a cheap lookup), and when there are
/// few, the full query is checked here on their <see cref="SearchDocument"/> — the very token
/// columns the index holds, so the answer is the index's answer, on both engines.
/// </summary>
public static class PrefixNarrowing
{
    /// <summary>
    /// The query without the trailing prefix token of its multi-token included phrases and without
    /// exclusions (both are checked afterwards); null when narrowing does not apply: no such phrase,
    /// or a prefix would remain (a one-character term such as 税 is a prefix search by nature).
    /// </summary>
    public static SearchQuery? Relax(SearchQuery query)
    {
        if (query.IsEmpty) return null;
        var changed = false;
        var include = new List<QueryPhrase>(query.Include.Count);
        foreach (var phrase in query.Include)
        {
            if (phrase.Tokens.Count >= 2 && phrase.Tokens[^1].IsPrefix)
            {
                include.Add(phrase with { Tokens = phrase.Tokens.Take(phrase.Tokens.Count - 1).ToList() });
                changed = true;
            }
            else
            {
                include.Add(phrase);
            }
        }
        if (!changed || include.Any(p => p.Tokens.Any(t => t.IsPrefix))) return null;
        return new SearchQuery(include, []);
    }

    /// <summary>The search document of a public copy, built exactly as <see cref="CatalogSearchIndex"/> indexes it.</summary>
    public static SearchDocument DocumentOf(PublishedItem item) =>
        SearchDocument.Build(item.Title, item.DocNo, item.Keywords, item.Summary, SafeMarkdown.ToPlainText(item.Body));

    /// <summary>True when the document matches the query as the index would: every included phrase in some column, no excluded one.</summary>
    public static bool Matches(SearchDocument doc, SearchQuery query)
    {
        var columns = Enum.GetValues<SearchField>().Select(f => Tokens(doc, f)).ToList();
        bool Found(QueryPhrase p) => columns.Any(c => Contains(c, p));
        return query.Include.All(Found) && !query.Exclude.Any(Found);
    }

    /// <summary>True when every included phrase occurs in the title (the ranking's "title match").</summary>
    public static bool MatchesTitle(SearchDocument doc, SearchQuery query)
    {
        var title = Tokens(doc, SearchField.Title);
        return query.Include.All(p => Contains(title, p));
    }

    // The FTS5 column text is the token stream joined by single spaces (FTS5's ascii tokenizer
    // splits on them; no token contains one).
    private static string[] Tokens(SearchDocument doc, SearchField field) =>
        doc.Fts5(field).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool Contains(string[] tokens, QueryPhrase phrase)
    {
        var n = phrase.Tokens.Count;
        for (var i = 0; i + n <= tokens.Length; i++)
        {
            var all = true;
            for (var k = 0; k < n && all; k++)
            {
                var q = phrase.Tokens[k];
                all = q.IsPrefix ? tokens[i + k].StartsWith(q.Text, StringComparison.Ordinal) : tokens[i + k] == q.Text;
            }
            if (all) return true;
        }
        return false;
    }
}
