using System.Text.Json;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Http;

/// <summary>Results and errors as they reach the client: status codes and RFC 9457 problem details.</summary>
public sealed class ResultHttpExtensionsTests
{
    [Theory]
    [InlineData(ErrorKind.NotFound, 404, "https://tools.ietf.org/html/rfc9110#section-15.5.5")]
    [InlineData(ErrorKind.Conflict, 409, "https://tools.ietf.org/html/rfc9110#section-15.5.10")]
    [InlineData(ErrorKind.Forbidden, 403, "https://tools.ietf.org/html/rfc9110#section-15.5.4")]
    [InlineData((ErrorKind)99, 500, "https://tools.ietf.org/html/rfc9110#section-15.6.1")]
    public async Task Each_error_kind_has_its_status_and_problem_type(ErrorKind kind, int status, string type)
    {
        var response = await ExecuteAsync(new Error(kind, "some-code", "What went wrong.").ToProblem());

        Assert.Equal(status, response.Status);
        Assert.Equal(status, ResultHttpExtensions.StatusCode(kind));
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(status, response.Body.GetProperty("status").GetInt32());
        Assert.Equal(type, response.Body.GetProperty("type").GetString());
        Assert.Equal("What went wrong.", response.Body.GetProperty("detail").GetString());
        Assert.Equal("some-code", response.Body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(response.Body.GetProperty("title").GetString()));
        Assert.False(response.Body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_validation_error_is_a_400_with_field_messages()
    {
        var error = Error.Validation(new Dictionary<string, string[]>
        {
            ["title"] = ["'Title' must not be empty."],
            ["dueAt"] = ["Pick a time in the future.", "Pick a time within office hours."],
        });

        var response = await ExecuteAsync(error.ToProblem());

        Assert.Equal(400, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", response.Body.GetProperty("type").GetString());
        Assert.Equal("validation", response.Body.GetProperty("code").GetString());
        Assert.Equal("One or more fields are invalid.", response.Body.GetProperty("detail").GetString());
        var errors = response.Body.GetProperty("errors");
        Assert.Equal(["'Title' must not be empty."], errors.GetProperty("title").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, errors.GetProperty("dueAt").GetArrayLength());
    }

    [Fact]
    public async Task A_single_field_validation_error_names_its_field()
    {
        var response = await ExecuteAsync(Error.Validation("state", "Use one of: pending, failed, all.").ToProblem());

        Assert.Equal(400, response.Status);
        Assert.Equal("Use one of: pending, failed, all.", response.Body.GetProperty("errors").GetProperty("state")[0].GetString());
    }

    [Fact]
    public async Task A_validation_error_without_fields_still_has_an_errors_member()
    {
        var response = await ExecuteAsync(new Error(ErrorKind.Validation, "validation", "Invalid.").ToProblem());

        Assert.Equal(400, response.Status);
        Assert.Equal(JsonValueKind.Object, response.Body.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task A_concurrent_edit_is_a_409_with_its_code()
    {
        var response = await ExecuteAsync(Result<int>.Failure(Error.ConcurrentEdit("case note")).ToHttpResult());

        Assert.Equal(409, response.Status);
        Assert.Equal("concurrent-edit", response.Body.GetProperty("code").GetString());
        Assert.StartsWith("The case note was changed by someone else", response.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_is_a_200_with_the_value()
    {
        var response = await ExecuteAsync(Result<Sample>.Success(new Sample("x", 3)).ToHttpResult());

        Assert.Equal(200, response.Status);
        Assert.Equal("x", response.Body.GetProperty("name").GetString());
        Assert.Equal(3, response.Body.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_success_can_choose_its_own_response()
    {
        var created = await ExecuteAsync(Result<int>.Success(7).ToHttpResult(id => TypedResults.Created($"/things/{id}", new Sample("t", id))));
        var failed = await ExecuteAsync(Result<int>.Failure(Error.NotFound("thing-not-found", "No such thing.")).ToHttpResult(_ => TypedResults.NoContent()));

        Assert.Equal(201, created.Status);
        Assert.Equal(404, failed.Status);
        Assert.Equal("thing-not-found", failed.Body.GetProperty("code").GetString());
    }

    [Fact]
    public void The_arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => ((Error)null!).ToProblem());
        Assert.Throws<ArgumentNullException>(() => Result<int>.Success(1).ToHttpResult(null!));
        Assert.Throws<ArgumentNullException>(() => Result<int>.Failure(null!));
    }

    [Fact]
    public void A_failed_result_has_no_value()
    {
        var failed = Result<int>.Failure(Error.Forbidden("not-yours", "Not yours."));

        var error = Assert.Throws<InvalidOperationException>(() => failed.Value);
        Assert.Contains("not-yours", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync(IResult result)
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await result.ExecuteAsync(context);

        context.Response.Body.Position = 0;
        var body = context.Response.Body.Length == 0
            ? default
            : (await JsonDocument.ParseAsync(context.Response.Body)).RootElement.Clone();
        return (context.Response.StatusCode, context.Response.ContentType, body);
    }

    private sealed record Sample(string Name, int Count);
}
