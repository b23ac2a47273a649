using Gongkai.Search;
using Microsoft.Data.Sqlite;

namespace Gongkai.Core.Tests.Search;

/// <summary>SQLite FTS5 over our tokens finds exactly what the in-memory matcher finds.</summary>
public sealed class Fts5AgreementTests : IDisposable
{
    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public Fts5AgreementTests()
    {
        _db.Open();
        Exec("CREATE VIRTUAL TABLE idx USING fts5(title, doc_no, keywords, summary, body, tokenize = 'ascii')");
        for (var i = 0; i < SearchCorpus.Docs.Length; i++)
        {
            var d = SearchCorpus.Docs[i];
            var doc = SearchDocument.Build(d.Title, d.DocNo, d.Keywords, d.Summary, d.Body);
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO idx(rowid, title, doc_no, keywords, summary, body) VALUES ($id, $t, $n, $k, $s, $b)";
            cmd.Parameters.AddWithValue("$id", i);
            cmd.Parameters.AddWithValue("$t", doc.Fts5(SearchField.Title));
            cmd.Parameters.AddWithValue("$n", doc.Fts5(SearchField.DocNo));
            cmd.Parameters.AddWithValue("$k", doc.Fts5(SearchField.Keywords));
            cmd.Parameters.AddWithValue("$s", doc.Fts5(SearchField.Summary));
            cmd.Parameters.AddWithValue("$b", doc.Fts5(SearchField.Body));
            cmd.ExecuteNonQuery();
        }
    }

    public static TheoryData<string> Queries => new(SearchCorpus.Queries);

    [Theory]
    [MemberData(nameof(Queries))]
    public void Fts5_finds_the_same_documents_as_the_matcher(string input)
    {
        var query = SearchQuery.Parse(input);
        var expected = Enumerable.Range(0, SearchCorpus.Docs.Length)
            .Where(i => Matches(query, SearchCorpus.Docs[i])).ToList();
        Assert.NotEmpty(expected); // every corpus query is meant to find something
        Assert.Equal(expected, Match(SearchSyntax.Fts5(query)));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Fts5_title_filter_finds_the_documents_whose_title_matches(string input)
    {
        var query = SearchQuery.Parse(input);
        var inTitle = new SearchQuery(query.Include, []);
        var expected = Enumerable.Range(0, SearchCorpus.Docs.Length)
            .Where(i => Highlighter.Matches(inTitle, SearchCorpus.Docs[i].Title)).ToList();
        Assert.Equal(expected, Match(SearchSyntax.Fts5(query, titleOnly: true)));
    }

    /// <summary>The in-memory check used for queries ending in a prefix (PrefixNarrowing) says what FTS5 says, and its relaxed query loses no match.</summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public void Prefix_narrowing_agrees_with_fts5(string input)
    {
        var query = SearchQuery.Parse(input);
        var docs = SearchCorpus.Docs.Select(d => SearchDocument.Build(d.Title, d.DocNo, d.Keywords, d.Summary, d.Body)).ToList();
        Assert.Equal(Match(SearchSyntax.Fts5(query)), Enumerable.Range(0, docs.Count).Where(i => PrefixNarrowing.Matches(docs[i], query)).ToList());
        Assert.Equal(Match(SearchSyntax.Fts5(query, titleOnly: true)), Enumerable.Range(0, docs.Count).Where(i => PrefixNarrowing.MatchesTitle(docs[i], query)).ToList());
        if (PrefixNarrowing.Relax(query) is { } relaxed)
        {
            Assert.DoesNotContain(SearchSyntax.Fts5(relaxed), "*");
            Assert.Empty(Match(SearchSyntax.Fts5(query)).Except(Match(SearchSyntax.Fts5(relaxed))));
        }
    }

    [Fact]
    public void Only_a_trailing_prefix_after_other_tokens_is_relaxed()
    {
        Assert.Null(PrefixNarrowing.Relax(SearchQuery.Parse("税")));
        Assert.Null(PrefixNarrowing.Relax(SearchQuery.Parse("低保")));
        Assert.Null(PrefixNarrowing.Relax(SearchQuery.Parse("38号 税")));
        var relaxed = PrefixNarrowing.Relax(SearchQuery.Parse("开府办发〔2019〕38号 -医保"));
        Assert.NotNull(relaxed);
        Assert.Equal("(\"开府\" + \"府办\" + \"办发\" + \"发\" + \"2019\" + \"38\")", SearchSyntax.Fts5(relaxed));
    }

    [Fact]
    public void Lexemes_beyond_the_per_lexeme_limit_become_filler_that_keeps_positions()
    {
        var body = string.Join("，", Enumerable.Repeat("税", 300)) + "，低保";
        var doc = SearchDocument.Build("", "", "", "", body);
        var tokens = doc.Fts5(SearchField.Body).Split(' ');
        Assert.Equal(302, tokens.Length); // 300 × 税, then 低保 and 保
        Assert.Equal(SearchDocument.MaxPositionsPerLexeme, tokens.Count(t => t == "税"));
        Assert.Equal(["低保", "保"], tokens[^2..]);
        Assert.Equal(SearchDocument.MaxPositionsPerLexeme, doc.TsVector.Split(' ').Single(l => l.StartsWith("'税'")).Split(',').Length);
    }

    private static bool Matches(SearchQuery q, SearchCorpus.Doc d) => Highlighter.Matches(q, d.Title, d.DocNo, d.Keywords, d.Summary, d.Body);

    private List<int> Match(string expression)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT rowid FROM idx WHERE idx MATCH $q ORDER BY rowid";
        cmd.Parameters.AddWithValue("$q", expression);
        using var reader = cmd.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private void Exec(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}
