using System.Globalization;
using Gongkai.Reporting;

namespace Gongkai.Requests;

/// <summary>One valid line of an imported request register (台账).</summary>
public sealed record RegisterRow(
    int Line,
    DateOnly ReceivedOn,
    Channel Channel,
    ApplicantKind ApplicantKind,
    string ApplicantName,
    string Description,
    ResultLeaf? ResultLeaf,
    DateOnly? DecidedOn,
    bool Extended)
{
    /// <summary>The log this line stands for. Imported steps are marked so, and dated as the register says.</summary>
    public IReadOnlyList<RequestEvent> ToEvents()
    {
        var events = new List<RequestEvent>
        {
            new(RequestEventType.Registered, ReceivedOn) { Channel = Channel, Imported = true, Actor = "import" },
            new(RequestEventType.Assigned, ReceivedOn) { Handler = HandlerLabels.Imported, Imported = true, Actor = "import" },
        };
        if (Extended)
            events.Add(new(RequestEventType.Extended, ReceivedOn)
            {
                Days = RequestStatuses.RegimeFor(ReceivedOn).MaxExtensionDays(),
                ApprovedByOfficeHead = true,
                Imported = true,
                Actor = "import",
                Note = "台账记载已延期，延长天数按上限记录",
            });
        if (ResultLeaf is { } leaf && DecidedOn is { } on)
        {
            events.Add(new(RequestEventType.Decided, on) { Situation = DecisionSituations.ForLeaf(leaf), Imported = true, Actor = "import" });
            events.Add(new(RequestEventType.ReplyReviewed, on) { Imported = true, Actor = "import" });
            events.Add(new(RequestEventType.Delivered, on) { Imported = true, Actor = "import" });
            events.Add(new(RequestEventType.Closed, on) { Imported = true, Actor = "import" });
        }
        return events;
    }
}

public sealed record RegisterLineError(int Line, string Message);

/// <summary>
/// Reads a register CSV (UTF-8, header row) and checks every line. The caller imports only when
/// there are no errors at all: a file with one bad line imports nothing.
/// </summary>
public static class RegisterImport
{
    public static readonly string[] Columns =
        ["received_on", "channel", "applicant_type", "applicant_name", "description", "result", "decided_on", "extended"];

    // The register's channel column has no separate ordinary-letter value.
    private static readonly Channel[] RegisterChannels =
        [Channel.InPerson, Channel.Letter, Channel.Fax, Channel.Email, Channel.Online, Channel.Other];

    public static (IReadOnlyList<RegisterRow> Rows, IReadOnlyList<RegisterLineError> Errors) Read(TextReader text, DateOnly today)
    {
        var rows = new List<RegisterRow>();
        var errors = new List<RegisterLineError>();
        using var records = CsvLines.Read(text).GetEnumerator();
        if (!records.MoveNext())
            return (rows, [new RegisterLineError(1, "文件为空，第一行应为表头：" + string.Join(",", Columns))]);
        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = Columns.Where(c => !header.Contains(c)).ToArray();
        if (missing.Length > 0)
            return (rows, [new RegisterLineError(1, "表头缺少列：" + string.Join(", ", missing) + "。应为：" + string.Join(",", Columns))]);
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));

        while (records.MoveNext())
        {
            var (line, values) = records.Current;
            string Field(string name) => index[name] < values.Length ? values[index[name]].Trim() : "";
            if (values.All(string.IsNullOrWhiteSpace)) continue;
            var problems = new List<string>();

            DateOnly? received = ParseDate(Field("received_on"));
            if (received is null) problems.Add("received_on 应为 YYYY-MM-DD 格式的日期");
            else if (received > today) problems.Add("received_on 不能晚于今天");
            else if (received < new DateOnly(2008, 5, 1)) problems.Add("received_on 早于2008年5月1日条例施行日");

            var channelOk = IntakeKeys.TryParseChannel(Field("channel"), out var channel) && RegisterChannels.Contains(channel);
            if (!channelOk) problems.Add("channel 应为 in_person、letter、fax、email、online、other 之一");

            if (!ApplicantKinds.TryParse(Field("applicant_type"), out var kind))
                problems.Add("applicant_type 应为 natural_person 或 legal_person.commercial/research/public_welfare/legal_service/other");

            var name = Field("applicant_name");
            if (name.Length == 0) problems.Add("applicant_name 不能为空");
            else if (name.Length > ApplicationValidation.MaxName) problems.Add($"applicant_name 超过{ApplicationValidation.MaxName}字");

            var description = Field("description");
            if (description.Length == 0) problems.Add("description 不能为空");
            else if (description.Length > ApplicationValidation.MaxDescription) problems.Add($"description 超过{ApplicationValidation.MaxDescription}字");

            var result = Field("result");
            var decidedText = Field("decided_on");
            DateOnly? decided = null;
            ResultLeaf? leaf = ReportKeys.TryParseLeaf(result, out var parsed) ? parsed : null;
            if (result.Length > 0 && leaf is null) problems.Add($"result “{result}”不是表三的处理结果键（如 result.granted）");
            if (result.Length > 0 && decidedText.Length == 0) problems.Add("已有 result 的，decided_on 不能为空");
            if (result.Length == 0 && decidedText.Length > 0) problems.Add("尚未办结（result 为空）的，decided_on 应为空");
            if (decidedText.Length > 0)
            {
                decided = ParseDate(decidedText);
                if (decided is null) problems.Add("decided_on 应为 YYYY-MM-DD 格式的日期");
                else if (received is { } r && decided < r) problems.Add("decided_on 不能早于 received_on");
                else if (decided > today) problems.Add("decided_on 不能晚于今天");
            }
            if (leaf is ResultLeaf.OtherNoCorrection or ResultLeaf.OtherFeeUnpaid && received is { } r2
                && r2 < FeeCalculator.Regulation2019InForce)
                problems.Add("2019年5月15日以前收到的申请不适用“逾期不补正”“逾期未缴费”");
            if (leaf == ResultLeaf.OtherFeeUnpaid && received is { } r3 && r3 < FeeCalculator.ProcessingFeeInForce)
                problems.Add("信息处理费自2021年1月1日起施行，此前收到的申请不能是“逾期未缴费”");

            var extendedText = Field("extended").ToLowerInvariant();
            if (extendedText is not ("true" or "false")) problems.Add("extended 应为 true 或 false");

            if (problems.Count > 0) errors.Add(new RegisterLineError(line, string.Join("；", problems) + "。"));
            else rows.Add(new RegisterRow(line, received!.Value, channel, kind, name, description,
                leaf, decided, extendedText == "true"));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new RegisterLineError(2, "文件只有表头，没有数据行。"));
        return (rows, errors);
    }

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
