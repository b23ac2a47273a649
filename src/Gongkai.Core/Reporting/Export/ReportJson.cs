using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Reporting.Export;

/// <summary>
/// The JSON form of a report: <c>{"agency", "year", "format", "cells": {key: number|null}, "checks": [{"rule", "ok", …}]}</c>.
/// </summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(GeneratedReport report)
    {
        var cells = new JsonObject();
        foreach (var (key, value) in report.Figures.Cells) cells[key] = value is null ? null : JsonValue.Create(value.Value);
        var checks = new JsonArray();
        foreach (var check in report.Checks)
        {
            var failures = new JsonArray();
            foreach (var f in check.Failures)
            {
                var involved = new JsonObject();
                foreach (var (k, v) in f.Cells) involved[k] = v is null ? null : JsonValue.Create(v.Value);
                failures.Add(new JsonObject { ["message"] = f.Message, ["cells"] = involved });
            }
            checks.Add(new JsonObject
            {
                ["rule"] = check.Rule,
                ["ok"] = check.Ok,
                ["severity"] = check.Severity == RuleSeverity.Error ? "error" : "warning",
                ["failures"] = failures,
            });
        }
        var root = new JsonObject
        {
            ["agency"] = report.Agency.Code,
            ["year"] = report.Figures.Year,
            ["format"] = report.Figures.Format.Key(),
            ["cells"] = cells,
            ["checks"] = checks,
        };
        return root.ToJsonString(Options);
    }
}

/// <summary>One line per cell: key, table, row, column, value, source (computed or recorded).</summary>
public static class ReportCsv
{
    public static string Write(GeneratedReport report)
    {
        var definition = ReportFormats.For(report.Figures.Format);
        var text = new System.Text.StringBuilder("key,table,row,column,value,source\n");
        foreach (var cell in definition.Cells)
        {
            var value = report.Figures.Cells[cell.Key];
            var source = report.Figures.Sources[cell.Key] == CellSource.Computed ? "computed" : "recorded";
            text.Append(string.Join(',', cell.Key, cell.TableNumber, Quote(string.Join("/", cell.Row.Labels)), Quote(string.Join("/", cell.Column.Labels)),
                value is null ? "" : ConsistencyRules.Fmt(value.Value), source)).Append('\n');
        }
        return text.ToString();
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
}
