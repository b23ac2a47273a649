using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Requests;

/// <summary>Renders a <see cref="ReplyLetter"/> as a printable HTML page and as a DOCX in official-document layout.</summary>
public static class LetterRendering
{
    public static string ToHtml(ReplyLetter letter)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(letter.Title)).Append("</title>");
        sb.Append("<style>@page{size:A4;margin:37mm 26mm 35mm 28mm}")
          .Append("body{font-family:FangSong,'FangSong_GB2312','Noto Serif CJK SC',serif;font-size:16pt;line-height:1.8;max-width:160mm;margin:2em auto;color:#000}")
          .Append("h1{font-family:'Noto Serif CJK SC',serif;font-size:22pt;text-align:center;font-weight:bold;margin:0 0 .5em}")
          .Append(".no{text-align:center;margin-bottom:1.5em}.p{text-indent:2em;margin:0}.sig,.date{text-align:right;margin:0}.sig{margin-top:2em}")
          .Append("@media print{body{margin:0}}</style></head><body>");
        sb.Append("<h1>").Append(E(letter.Title)).Append("</h1>");
        sb.Append("<p class=\"no\">").Append(E(letter.Number)).Append("</p>");
        sb.Append("<p>").Append(E(letter.Salutation)).Append("</p>");
        foreach (var p in letter.Paragraphs) sb.Append("<p class=\"p\">").Append(E(p)).Append("</p>");
        if (letter.Remedies is { } r) sb.Append("<p class=\"p\">").Append(E(r)).Append("</p>");
        sb.Append("<p class=\"sig\">").Append(E(letter.Signature)).Append("</p>");
        sb.Append("<p class=\"date\">").Append(E(letter.DateLine)).Append("</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    public static byte[] ToDocx(ReplyLetter letter)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(letter.Title, Justification: JustificationValues.Center, size: 44, bold: true, font: "Noto Serif CJK SC"));
            body.Append(Para(letter.Number, Justification: JustificationValues.Center));
            body.Append(Para(letter.Salutation));
            foreach (var p in letter.Paragraphs) body.Append(Para(p, indent: true));
            if (letter.Remedies is { } r) body.Append(Para(r, indent: true));
            body.Append(Para(""));
            body.Append(Para(letter.Signature, Justification: JustificationValues.Right));
            body.Append(Para(letter.DateLine, Justification: JustificationValues.Right));
            // A4 with the GB/T 9704 margins (37/35 mm top/bottom, 28/26 mm left/right).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, JustificationValues? Justification = null, int size = 32, bool bold = false,
        string font = "FangSong", bool indent = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        // Schema order matters to Word: spacing, ind, jc.
        if (indent) props.Append(new Indentation { FirstLine = "640", FirstLineChars = 200 });
        if (Justification is { } j) props.Append(new Justification { Val = j });
        var runProps = new RunProperties(
            new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font },
            new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold) runProps.InsertAfter(new Bold(), runProps.GetFirstChild<RunFonts>());
        var run = new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(props, run);
    }
}
