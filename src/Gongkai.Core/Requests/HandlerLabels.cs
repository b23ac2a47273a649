namespace Gongkai.Requests;

/// <summary>
/// How a request's handler is named in lists. Handling in Gongkai records the staff user's id; a
/// register import records "import"; older or hand-made data may hold anything else.
/// </summary>
public static class HandlerLabels
{
    public const string Imported = "import";

    public static string Label(string? handlerId) => handlerId switch
    {
        null or "" => "未分办",
        Imported => "台账导入",
        _ when Guid.TryParse(handlerId, out var id) => "承办人 " + id.ToString("N")[..8],
        _ => "承办人 " + handlerId,
    };
}
