namespace CaseWork.BuildingBlocks.Results;

/// <summary>Why a use case failed: a kind, a stable code, a human message and optional field messages.</summary>
public sealed record Error(
    ErrorKind Kind,
    string Code,
    string Message,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    /// <summary>Invalid input, with the messages per field.</summary>
    public static Error Validation(IReadOnlyDictionary<string, string[]> fieldErrors, string message = "One or more fields are invalid.") =>
        new(ErrorKind.Validation, "validation", message, fieldErrors);

    /// <summary>Invalid input for one field.</summary>
    public static Error Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The record does not exist or is not visible to the caller.</summary>
    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    /// <summary>The request conflicts with the current state.</summary>
    public static Error Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);

    /// <summary>The caller may not do this.</summary>
    public static Error Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);

    /// <summary>Someone else changed the record since the caller read it.</summary>
    public static Error ConcurrentEdit(string record) =>
        Conflict("concurrent-edit", $"The {record} was changed by someone else in the meantime. Reload it and apply your change again.");
}
