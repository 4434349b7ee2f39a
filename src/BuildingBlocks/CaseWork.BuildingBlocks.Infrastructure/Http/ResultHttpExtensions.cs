using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;

namespace CaseWork.BuildingBlocks.Infrastructure.Http;

/// <summary>Maps use-case results to HTTP responses: errors become RFC 9457 problem details, in one place.</summary>
public static class ResultHttpExtensions
{
    /// <summary>200 with the value, or the problem details of the error.</summary>
    public static IResult ToHttpResult<TValue>(this Result<TValue> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    /// <summary>A custom success response, or the problem details of the error.</summary>
    public static IResult ToHttpResult<TValue>(this Result<TValue> result, Func<TValue, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : result.Error.ToProblem();
    }

    /// <summary>The problem details response of an error: 400 with field messages, 404, 409 or 403.</summary>
    public static IResult ToProblem(this Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        return error.Kind switch
        {
            ErrorKind.Validation => TypedResults.ValidationProblem(
                errors: error.FieldErrors ?? new Dictionary<string, string[]>(),
                detail: error.Message,
                title: "The request is invalid.",
                type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                extensions: extensions),
            _ => TypedResults.Problem(
                detail: error.Message,
                statusCode: StatusCode(error.Kind),
                title: Title(error.Kind),
                type: TypeUri(error.Kind),
                extensions: extensions),
        };
    }

    /// <summary>The HTTP status of an error kind.</summary>
    public static int StatusCode(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string Title(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "The record was not found.",
        ErrorKind.Conflict => "The request conflicts with the current state.",
        ErrorKind.Forbidden => "You may not do this.",
        _ => "The request failed.",
    };

    private static string TypeUri(ErrorKind kind) => kind switch
    {
        ErrorKind.NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        ErrorKind.Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        ErrorKind.Forbidden => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
