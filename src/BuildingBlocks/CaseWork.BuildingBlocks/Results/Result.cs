using System.Diagnostics.CodeAnalysis;

namespace CaseWork.BuildingBlocks.Results;

/// <summary>The outcome of a use case that produces a value: either the value or an <see cref="Results.Error"/>.</summary>
/// <typeparam name="TValue">The value produced on success.</typeparam>
public readonly record struct Result<TValue>
{
    private readonly TValue? _value;

    private Result(TValue? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>The error, when the use case failed.</summary>
    public Error? Error { get; }

    /// <summary>Whether the use case succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value; throws when the result is a failure (a bug in the caller).</summary>
    public TValue Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value ({Error.Code}).");

    /// <summary>A successful result.</summary>
    public static Result<TValue> Success(TValue value) => new(value, null);

    /// <summary>A failed result.</summary>
    public static Result<TValue> Failure(Error error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>Wraps a value as success.</summary>
    public static implicit operator Result<TValue>(TValue value) => Success(value);

    /// <summary>Wraps an error as failure.</summary>
    public static implicit operator Result<TValue>(Error error) => Failure(error);

    /// <summary>Named alternative to the implicit conversion.</summary>
    public static Result<TValue> FromValue(TValue value) => Success(value);

    /// <summary>Named alternative to the implicit conversion.</summary>
    public static Result<TValue> FromError(Error error) => Failure(error);
}

/// <summary>The value of a use case that produces nothing but success.</summary>
public readonly record struct Unit
{
    /// <summary>The one value.</summary>
    public static Unit Value => default;
}
