using System.Text;

namespace Gongkai.ReportReading;

/// <summary>Bytes of an uploaded or saved report to text: UTF-8 (with or without BOM), else GB18030.</summary>
public static class ReportInput
{
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Older Chinese government pages are saved in GBK; GB18030 is its superset.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }
}
