namespace Gongkai.Common;

/// <summary>
/// A user-facing failure: <see cref="Message"/> is a Chinese sentence that says what to fix;
/// <see cref="Field"/> names the input it belongs to (null for the form as a whole).
/// </summary>
public sealed record Error(string Code, string Message, string? Field = null);

/// <summary>Outcome of a use case or an entity transition: either success or one or more errors.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    public static Result Ok() => new([]);
    public static Result Fail(Error error) => new([error]);
    public static Result Fail(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(errors);
}

public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    /// <summary>The value of a successful result; reading it from a failure is a programming error.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Ok(T value) => new(value, []);
    public static new Result<T> Fail(Error error) => new(default, [error]);
    public static new Result<T> Fail(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);

    public static implicit operator Result<T>(Error error) => Fail(error);
}

/// <summary>Shared checks for free text typed into forms; every message is Chinese and names the field.</summary>
public static class TextRules
{
    /// <summary>Trims, then checks presence, length and the absence of markup; adds errors to <paramref name="errors"/>.</summary>
    public static string? Check(List<Error> errors, string field, string label, string? value, int maxLength, bool required)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required) errors.Add(new Error("required", $"请填写{label}。", field));
            return null;
        }
        if (text.Length > maxLength)
            errors.Add(new Error("too_long", $"{label}不能超过 {maxLength} 个字（现在是 {text.Length} 个）。", field));
        else if (ContainsMarkup(text))
            errors.Add(new Error("markup", $"{label}不能包含尖括号“<”“>”等网页标记，请只填写文字。", field));
        return text;
    }

    public static bool ContainsMarkup(string text) => text.IndexOfAny(['<', '>']) >= 0;
}
