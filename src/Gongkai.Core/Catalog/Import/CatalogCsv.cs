using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Catalog.Import;

/// <summary>One valid row of a catalogue import, ready to become a published item.</summary>
public sealed record CatalogImportRow(
    int Line, string Title, string? DocNo, DisclosureCategory Category, Topic Topic, Genre Genre, ItemKind Kind,
    DateOnly WrittenOn, DateOnly PublishedOn, Validity Validity, DateOnly? AbolishedOn,
    string? Keywords, string? Summary, string? Body);

/// <summary>A reason a file or a row cannot be imported. Line 0 means the file as a whole.</summary>
public sealed record ImportProblem(int Line, string Reason)
{
    public override string ToString() => Line == 0 ? Reason : $"第 {Line} 行：{Reason}";
}

public sealed record CatalogCsvResult(IReadOnlyList<CatalogImportRow> Rows, IReadOnlyList<ImportProblem> Problems, int BadRowCount)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads and validates a catalogue CSV (issue 4 item 7): UTF-8, a header row, the columns below in
/// any order. Every row is checked and every problem reported with its line; the caller imports
/// only when there is no problem at all.
/// Topic and genre may be left empty (they become 其他); they accept the machine key or the label.
/// </summary>
public static partial class CatalogCsv
{
    public static readonly string[] Columns =
        ["title", "doc_no", "category", "topic", "genre", "kind", "written_on", "published_on", "validity", "abolished_on", "keywords", "summary", "body"];

    public static readonly string[] RequiredColumns = ["title", "category", "kind", "written_on", "published_on", "validity"];

    /// <summary>Lists longer than this stop; the count of bad rows is still given.</summary>
    public const int MaxProblemsListed = 1000;

    public static CatalogCsvResult Read(Stream utf8, DateOnly today)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<CatalogImportRow>();
        var badRows = 0;
        var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var text = new StreamReader(utf8, strictUtf8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecords(text);

        try
        {
            var header = csv.Next();
            if (header is null) return Fail("文件是空的：第一行应是列名（title, doc_no, category …）。");
            if (header.Value.Error is { } headerError) return Fail($"第 1 行（列名）有误：{headerError.Reason}");
            var names = header.Value.Record!.Fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
            var headerProblem = CheckHeader(names);
            if (headerProblem is not null) return Fail(headerProblem);
            var index = Columns.ToDictionary(c => c, c => names.IndexOf(c));

            var docNos = new Dictionary<string, int>();
            while (csv.Next() is { } next)
            {
                if (next.Error is { } e)
                {
                    badRows++;
                    Add(problems, new ImportProblem(e.Line, e.Reason));
                    continue;
                }
                var record = next.Record!;
                var rowProblems = new List<string>();
                var row = ValidateRow(record, names.Count, index, today, rowProblems);
                if (row?.DocNo is { } docNo)
                {
                    var key = DocNoKey(docNo);
                    if (docNos.TryGetValue(key, out var firstLine)) rowProblems.Add($"文号“{docNo}”与第 {firstLine} 行相同；同一文号只能导入一次。");
                    else docNos[key] = record.Line;
                }
                if (rowProblems.Count == 0) rows.Add(row!);
                else
                {
                    badRows++;
                    foreach (var p in rowProblems) Add(problems, new ImportProblem(record.Line, p));
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return Fail("文件不是 UTF-8 编码（可能是 GBK/GB2312）。请在 Excel 中用“另存为 → CSV UTF-8（逗号分隔）”重新保存后再导入。");
        }

        if (rows.Count == 0 && problems.Count == 0) return Fail("文件只有列名，没有要导入的数据行。");
        if (problems.Count >= MaxProblemsListed) problems.Add(new ImportProblem(0, $"共有 {badRows} 行有错误，只列出了前 {MaxProblemsListed} 条。"));
        return new CatalogCsvResult(problems.Count == 0 ? rows : [], problems, badRows);

        CatalogCsvResult Fail(string reason) => new([], [new ImportProblem(0, reason)], 0);
    }

    private static void Add(List<ImportProblem> problems, ImportProblem problem)
    {
        if (problems.Count < MaxProblemsListed) problems.Add(problem);
    }

    private static string? CheckHeader(List<string> names)
    {
        var unknown = names.Where(n => !Columns.Contains(n)).ToList();
        if (unknown.Count > 0)
            return $"第 1 行（列名）有不认识的列：{string.Join("、", unknown.Select(u => u.Length == 0 ? "（空列名）" : u))}。可用的列为：{string.Join(", ", Columns)}。";
        var duplicate = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicate.Count > 0) return $"第 1 行（列名）中这些列出现了不止一次：{string.Join("、", duplicate)}。";
        var missing = RequiredColumns.Where(c => !names.Contains(c)).ToList();
        if (missing.Count > 0) return $"缺少必需的列：{string.Join("、", missing)}。";
        return null;
    }

    private static CatalogImportRow? ValidateRow(CsvRecord record, int columnCount, Dictionary<string, int> index, DateOnly today, List<string> problems)
    {
        if (record.Fields.Count != columnCount)
        {
            problems.Add($"这一行有 {record.Fields.Count} 列，但列名有 {columnCount} 列（含逗号的内容要用双引号括起来）。");
            return null;
        }
        string? Get(string column) => index[column] < 0 ? null : NullIfEmpty(record.Fields[index[column]]);

        var title = Get("title");
        if (title is null) problems.Add("title（标题）不能为空。");
        CheckLength(problems, "title（标题）", title, ItemLimits.Title);
        var docNo = Get("doc_no");
        CheckLength(problems, "doc_no（文号）", docNo, ItemLimits.DocNo);
        var keywords = Get("keywords");
        CheckLength(problems, "keywords（主题词）", keywords, ItemLimits.Keywords);
        var summary = Get("summary");
        CheckLength(problems, "summary（内容概述）", summary, ItemLimits.Summary);
        var body = index["body"] < 0 ? null : record.Fields[index["body"]];
        if (string.IsNullOrWhiteSpace(body)) body = null;
        CheckLength(problems, "body（正文）", body, ItemLimits.Body);

        var categoryText = Get("category");
        DisclosureCategory? category = int.TryParse(categoryText, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? DisclosureCategories.FromArt20Number(n) : null;
        if (category is null) problems.Add($"category（第二十条类别）应为 1 到 15 的数字，现在是“{categoryText}”。");

        var topicText = Get("topic");
        var topic = topicText is null ? Topic.other : TopicAndGenreLabels.ParseTopic(topicText);
        if (topic is null) problems.Add($"topic（主题分类）“{topicText}”不认识；请填写主题分类名称（如“财政、金融、审计”）或留空。");
        var genreText = Get("genre");
        var genre = genreText is null ? Genre.other : TopicAndGenreLabels.ParseGenre(genreText);
        if (genre is null) problems.Add($"genre（体裁分类）“{genreText}”不认识；请填写体裁名称（如“通知”“公告”）或留空。");

        var kindText = Get("kind");
        var kind = CatalogLabels.ParseKey<ItemKind>(kindText);
        if (kind is null) problems.Add($"kind（文件类型）应为 regulation、normative、licensing_decision、penalty_decision、coercion_decision 或 other 之一，现在是“{kindText}”。");

        var writtenOn = Date(problems, "written_on（成文日期）", Get("written_on"), required: true);
        var publishedOn = Date(problems, "published_on（发布日期）", Get("published_on"), required: true);
        var abolishedOn = Date(problems, "abolished_on（废止/失效日期）", Get("abolished_on"), required: false);

        var validityText = Get("validity");
        var validity = CatalogLabels.ParseValidity(validityText);
        if (validity is null) problems.Add($"validity（有效性）应为“有效”“失效”或“废止”，现在是“{validityText}”。");

        if (writtenOn is { } w && publishedOn is { } p && p < w) problems.Add($"发布日期 {p:yyyy-MM-dd} 早于成文日期 {w:yyyy-MM-dd}。");
        if (publishedOn is { } pub && pub > today) problems.Add($"发布日期 {pub:yyyy-MM-dd} 在今天之后；导入的只能是已经发布的信息。");
        if (validity == Validity.abolished && abolishedOn is null && Get("abolished_on") is null) problems.Add("有效性为“废止”时必须填写 abolished_on（废止日期）。");
        if (validity == Validity.valid && abolishedOn is not null) problems.Add("有效性为“有效”时 abolished_on 应留空。");
        if (abolishedOn is { } a && writtenOn is { } w2 && a < w2) problems.Add($"废止日期 {a:yyyy-MM-dd} 早于成文日期 {w2:yyyy-MM-dd}。");
        if (abolishedOn is { } a2 && a2 > today) problems.Add($"废止日期 {a2:yyyy-MM-dd} 在今天之后。");

        if (problems.Count > 0) return null;
        return new CatalogImportRow(record.Line, title!, docNo, category!.Value, topic!.Value, genre!.Value, kind!.Value,
            writtenOn!.Value, publishedOn!.Value, validity!.Value, abolishedOn, keywords, summary, body);
    }

    private static string? NullIfEmpty(string value)
    {
        var t = value.Trim();
        return t.Length == 0 ? null : t;
    }

    private static void CheckLength(List<string> problems, string name, string? value, int max)
    {
        if (value is not null && value.Length > max) problems.Add($"{name}有 {value.Length} 个字，超过了 {max} 字的上限。");
    }

    [GeneratedRegex(@"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")]
    private static partial Regex DatePattern();

    private static DateOnly? Date(List<string> problems, string name, string? text, bool required)
    {
        if (text is null)
        {
            if (required) problems.Add($"{name}不能为空。");
            return null;
        }
        var m = DatePattern().Match(text);
        if (m.Success
            && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var mo)
            && int.TryParse(m.Groups[3].Value, CultureInfo.InvariantCulture, out var d)
            && y is >= 1949 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
        {
            return new DateOnly(y, mo, d);
        }
        problems.Add($"{name}“{text}”不是有效日期，请写成 2024-03-15 这样的格式。");
        return null;
    }

    /// <summary>Two document numbers are the same if they differ only in brackets, spacing or width.</summary>
    internal static string DocNoKey(string docNo) =>
        string.Join(' ', Search.ChineseTokenizer.Tokenize(docNo).Select(t => t.Text));
}
