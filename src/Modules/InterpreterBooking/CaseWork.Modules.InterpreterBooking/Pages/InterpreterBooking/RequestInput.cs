using System.ComponentModel.DataAnnotations;
using CaseWork.Modules.InterpreterBooking.Domain;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>The fields of a hand-entered request, for the new-request form and the change form (office-local date and time).</summary>
internal sealed class RequestInput
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(BookingPolicy.DefaultTimeZone);

    [Required(ErrorMessage = "Bitte eine Sprache wählen.")]
    public string? Language { get; set; }

    public string? Dialect { get; set; }

    public Modality Modality { get; set; }

    [Required(ErrorMessage = "Bitte ein Datum angeben.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Bitte eine Uhrzeit angeben.")]
    public TimeOnly? Time { get; set; }

    [Range(15, 600, ErrorMessage = "Zwischen 15 und 600 Minuten.")]
    public int DurationMinutes { get; set; } = 60;

    [Required(ErrorMessage = "Bitte Ort oder Einwahl angeben.")]
    [StringLength(500)]
    public string? Place { get; set; }

    [StringLength(100)]
    public string? District { get; set; }

    public SubjectArea SubjectArea { get; set; }

    public string? PreferredGender { get; set; }

    [StringLength(1000)]
    public string? Notes { get; set; }

    /// <summary>The start as an instant: the date and time are read in the office's zone.</summary>
    public DateTimeOffset Start()
    {
        var local = DateTime.SpecifyKind(Date!.Value.ToDateTime(Time!.Value), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static RequestInput From(Features.Requests.RequestDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var local = TimeZoneInfo.ConvertTime(details.Start, Zone);
        return new RequestInput
        {
            Language = details.Language,
            Dialect = details.Dialect,
            Modality = details.Modality,
            Date = DateOnly.FromDateTime(local.DateTime),
            Time = TimeOnly.FromDateTime(local.DateTime),
            DurationMinutes = (int)(details.End - details.Start).TotalMinutes,
            Place = details.Place,
            District = details.District,
            SubjectArea = details.SubjectArea,
            PreferredGender = details.PreferredGender,
            Notes = details.Notes,
        };
    }
}
