namespace CaseWork.BuildingBlocks.Results;

/// <summary>The small set of ways a use case can fail; each maps to one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The input is invalid (400, with field messages).</summary>
    Validation,

    /// <summary>The record does not exist or is not visible to the caller (404).</summary>
    NotFound,

    /// <summary>The request conflicts with the current state, e.g. a concurrent edit (409).</summary>
    Conflict,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
}
