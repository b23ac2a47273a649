namespace Gongkai.Requests;

/// <summary>A refused step: a stable machine code and a Chinese sentence saying what to do instead.</summary>
public sealed record RequestError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
