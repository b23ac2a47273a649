using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Gongkai.Catalog;

/// <summary>
/// Renders item bodies (and the guide and rules pages) from Markdown to HTML so that nothing a
/// staff member types reaches a page as markup: raw HTML is shown as text, links and images keep
/// only http, https, mailto (links) and relative addresses, and headings start at h2 because the
/// page already has its h1. Only a fixed set of extensions is enabled — in particular not generic
/// attributes, which would let a body set arbitrary attributes such as onclick.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];
    private static readonly string[] ImageSchemes = ["http", "https"];

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        Sanitise(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>The text without markup, for the search index and for snippets.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>
    /// True for an address a page may link to: relative, or with an allowed scheme. Browsers ignore
    /// whitespace and control characters inside a scheme ("java\tscript:"), so those are removed
    /// before the scheme is read.
    /// </summary>
    public static bool IsSafeUrl(string? url, bool image = false)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var cleaned = new string(url.Where(c => c > ' ' && c != '\u007f' && !char.IsWhiteSpace(c) && !char.IsControl(c)
            && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        var end = cleaned.IndexOfAny([':', '/', '?', '#', '\\']);
        if (end < 0 || cleaned[end] != ':') return true; // no scheme: a relative address
        var scheme = cleaned[..end].ToLowerInvariant();
        return (image ? ImageSchemes : LinkSchemes).Contains(scheme);
    }

    private static void Sanitise(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Min(6, heading.Level + 1);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafeUrl(link.Url, link.IsImage))
            {
                if (!link.IsImage) link.GetAttributes().AddPropertyIfNotExist("rel", "nofollow noopener noreferrer");
                continue;
            }
            // Keep what the reader saw as the link text; drop the address.
            var text = link.IsImage ? (link.FirstChild is null ? "" : PlainText(link)) : null;
            if (text is not null)
            {
                link.ReplaceBy(new LiteralInline(text));
                continue;
            }
            var children = new List<Inline>();
            for (var child = link.FirstChild; child is not null; child = child.NextSibling) children.Add(child);
            Inline anchor = link;
            foreach (var child in children)
            {
                child.Remove();
                anchor.InsertAfter(child);
                anchor = child;
            }
            link.Remove();
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private static string PlainText(ContainerInline container)
    {
        var parts = new List<string>();
        foreach (var literal in container.Descendants<LiteralInline>()) parts.Add(literal.Content.ToString());
        return string.Concat(parts);
    }
}
