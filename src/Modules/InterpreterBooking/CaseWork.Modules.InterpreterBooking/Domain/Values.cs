namespace CaseWork.Modules.InterpreterBooking.Domain;

/// <summary>How well an interpreter is qualified in one language; a higher value ranks higher among equally rested interpreters.</summary>
internal enum Qualification
{
    Volunteer = 0,
    TrainedCommunityInterpreter = 1,
    SwornOrCertified = 2,
}

/// <summary>How an interpreter takes part in a job.</summary>
internal enum Modality
{
    InPerson = 0,
    Phone = 1,
    Video = 2,
}

/// <summary>The modalities an interpreter offers.</summary>
[Flags]
internal enum Modalities
{
    None = 0,
    InPerson = 1,
    Phone = 2,
    Video = 4,
}

/// <summary>The coarse subject of a job: enough for an interpreter to prepare, never case details.</summary>
internal enum SubjectArea
{
    Other = 0,
    Authorities = 1,
    Health = 2,
    School = 3,
    Housing = 4,
}

/// <summary>An amount of money in a currency (ISO 4217).</summary>
internal sealed record Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public Money Add(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot add {other.Currency} to {Currency}.");
        }

        return this with { Amount = Amount + other.Amount };
    }

    public Money Times(decimal factor) => this with { Amount = decimal.Round(Amount * factor, 2, MidpointRounding.AwayFromZero) };
}

/// <summary>What an interpreter charges: per hour of interpreting, per hour of travel, per kilometre.</summary>
internal sealed record FeeRates(decimal Hourly, decimal TravelTimeHourly, decimal PerKilometre, string Currency)
{
    public static FeeRates None { get; } = new(0m, 0m, 0m, "EUR");
}

/// <summary>One language an interpreter works in, with the dialects they cover (empty: the language generally) and their qualification.</summary>
internal sealed record LanguageSkill(string Language, IReadOnlyList<string> Dialects, Qualification Qualification)
{
    public bool Covers(string language, string? dialect) =>
        string.Equals(Language, language, StringComparison.OrdinalIgnoreCase)
        && (string.IsNullOrEmpty(dialect) || Dialects.Contains(dialect, StringComparer.OrdinalIgnoreCase));
}

/// <summary>A recurring weekly window in office-local time in which an interpreter takes jobs.</summary>
internal sealed record WeeklySlot(DayOfWeek Day, TimeOnly From, TimeOnly To);

/// <summary>Days (inclusive, office-local) on which an interpreter takes no jobs.</summary>
internal sealed record Absence(DateOnly From, DateOnly To, string? Note)
{
    public bool Covers(DateOnly day) => day >= From && day <= To;
}
