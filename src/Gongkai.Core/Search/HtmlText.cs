using System.Text;

namespace Gongkai.Search;

/// <summary>Minimal HTML text encoding for markup built by hand (snippets): the five significant characters, nothing else.</summary>
public static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text) AppendEncoded(sb, c);
        return sb.ToString();
    }

    public static void AppendEncoded(StringBuilder sb, char c)
    {
        switch (c)
        {
            case '&': sb.Append("&amp;"); break;
            case '<': sb.Append("&lt;"); break;
            case '>': sb.Append("&gt;"); break;
            case '"': sb.Append("&quot;"); break;
            case '\'': sb.Append("&#39;"); break;
            case '\0': break;
            default: sb.Append(c); break;
        }
    }
}
