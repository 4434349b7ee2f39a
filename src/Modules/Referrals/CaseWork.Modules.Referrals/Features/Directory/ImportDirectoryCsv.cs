using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>
/// Imports the directory from the CSV the export writes (<see cref="DirectoryCsv"/>): one row per service and location.
/// The file is checked whole first — every problem is named by row and column, and a bad file imports nothing — then
/// merged like the HSDS import (ADR 0033): ids kept, existing entries updated, new ones added, nothing deleted; what the
/// CSV does not carry (descriptions, contacts, accessibility …) is kept as it is.
/// </summary>
internal sealed record ImportDirectoryCsv(byte[] Content) : ICommand<DirectoryImported>;

internal sealed class ImportDirectoryCsvHandler(ReferralsDbContext db, ICurrentUser user, IAuditTrail audit) : ICommandHandler<ImportDirectoryCsv, DirectoryImported>
{
    public async Task<Result<DirectoryImported>> Handle(ImportDirectoryCsv command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können das Verzeichnis pflegen.");
        }

        var parsed = DirectoryCsvReader.Read(command.Content);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var directory = await KeepWhatCsvDoesNotCarryAsync(parsed.Value, cancellationToken);
        return await ImportDirectoryHandler.MergeAsync(db, audit, office, directory, "CSV import", cancellationToken);
    }

    /// <summary>
    /// The CSV has no location ids and fewer fields than HSDS: a location is the organisation's location of that name (a new
    /// one gets a new id), and fields the CSV lacks are taken from the entry already in the directory, so a merge never
    /// blanks them.
    /// </summary>
    private async Task<HsdsDirectory> KeepWhatCsvDoesNotCarryAsync(HsdsDirectory directory, CancellationToken cancellationToken)
    {
        var organisationIds = directory.Organizations.Select(o => o.Id).ToList();
        var serviceIds = directory.Organizations.SelectMany(o => o.Services ?? []).Select(s => s.Id).ToList();
        var organisations = await db.Organisations.AsNoTracking().Include(o => o.Locations).Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return directory with
        {
            Organizations = directory.Organizations.Select(o =>
            {
                if (!organisations.TryGetValue(o.Id, out var existing))
                {
                    return o;
                }

                var ids = o.Locations!.ToDictionary(l => l.Id, l => existing.Locations.FirstOrDefault(e => e.Name == l.Name)?.Id ?? l.Id);
                return o with
                {
                    Description = existing.Description,
                    Email = existing.Email,
                    Website = existing.Website,
                    Phones = existing.Phone is null ? null : [new HsdsPhone(existing.Phone)],
                    Locations = o.Locations!.Select(l => l with { Id = ids[l.Id] }).ToList(),
                    Services = o.Services!.Select(s =>
                    {
                        var kept = s with { ServiceAtLocations = s.ServiceAtLocations!.Select(link => link with { LocationId = ids[link.LocationId] }).ToList() };
                        return services.TryGetValue(s.Id, out var service)
                            ? kept with
                            {
                                Description = service.Description,
                                Email = service.Email,
                                RequiredDocuments = service.DocumentsToBring?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                                    .Select(d => new HsdsRequiredDocument(d)).ToList(),
                            }
                            : kept;
                    }).ToList(),
                };
            }).ToList(),
        };
    }
}

/// <summary>Reads the directory CSV back into the HSDS shape, or says what is wrong with it, by row and column.</summary>
internal static partial class DirectoryCsvReader
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 20_000;

    public static IReadOnlyList<string> Columns { get; } =
    [
        "organization_id", "organization_name", "service_id", "service_name", "service_type", "public_body", "languages", "taking_new_clients",
        "typical_waiting_days", "eligibility", "fees", "application_process", "location_name", "address", "postal_code", "city", "opening_hours",
    ];

    public static Result<HsdsDirectory> Read(byte[]? content)
    {
        if (content is null || content.Length == 0)
        {
            return Error.Validation("file", "Die Datei ist leer.");
        }

        if (content.Length > MaxBytes)
        {
            return Error.Validation("file", "Die Datei ist größer als 5 MB.");
        }

        string text;
        try
        {
            var bytes = content.AsSpan();
            if (bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }

            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Error.Validation("file", "Die Datei ist nicht UTF-8-kodiert. Bitte als „CSV UTF-8“ speichern (so, wie der Export sie schreibt).");
        }

        var records = Parse(text, out var parseProblem);
        if (parseProblem is not null)
        {
            return Error.Validation("file", parseProblem);
        }

        if (records.Count == 0 || records[0].All(string.IsNullOrWhiteSpace))
        {
            return Error.Validation("file", "Die Datei ist leer (keine Kopfzeile).");
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        var problems = new Dictionary<string, string[]>();
        var missing = Columns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems["header"] = [$"Zeile 1: Es fehlen die Spalten {string.Join(", ", missing)}."];
        }

        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            problems["header.unknown"] = [$"Zeile 1: Unbekannte Spalten {string.Join(", ", unknown.Select(u => u.Length == 0 ? "(leer)" : u))}."];
        }

        if (header.Distinct().Count() != header.Count)
        {
            problems["header.duplicate"] = ["Zeile 1: Eine Spalte kommt doppelt vor."];
        }

        if (problems.Count > 0)
        {
            return Error.Validation(problems);
        }

        var rows = records.Skip(1).Select((fields, i) => (Number: i + 2, Fields: fields)).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0)).ToList();
        if (rows.Count == 0)
        {
            return Error.Validation("file", "Die Datei enthält keine Zeilen unter der Kopfzeile.");
        }

        if (rows.Count > MaxRows)
        {
            return Error.Validation("file", $"Die Datei hat mehr als {MaxRows} Zeilen.");
        }

        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        var builder = new Builder(problems);
        foreach (var (number, fields) in rows)
        {
            if (fields.Count != header.Count)
            {
                builder.Problem(number, "", $"Zeile {number}: {fields.Count} statt {header.Count} Felder.");
                continue;
            }

            builder.Add(number, column => Unescape(fields[index[column]]));
        }

        return problems.Count > 0 ? Error.Validation(problems, "Die CSV-Datei enthält Fehler; es wurde nichts importiert.") : builder.Build();
    }

    /// <summary>RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break; CRLF or LF between records.</summary>
    private static List<List<string>> Parse(string text, out string? problem)
    {
        problem = null;
        var records = new List<List<string>>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && field.Length == 0)
            {
                var start = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        problem = $"Zeile {start}: Ein Anführungszeichen wird nicht geschlossen.";
                        return records;
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n')
                    {
                        line++;
                    }

                    field.Append(text[i]);
                    i++;
                }

                if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    problem = $"Zeile {start}: Nach einem Feld in Anführungszeichen muss ein Komma oder das Zeilenende folgen.";
                    return records;
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' or '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add(fields);
                    fields = [];
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    break;
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields);
        }

        return records;
    }

    /// <summary>The export puts a ' before a field starting with = + - @ (so spreadsheets do not run it); the import takes it off again.</summary>
    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && "=+-@".Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;

    [GeneratedRegex(@"^FREQ=(?<freq>[A-Z]+);BYDAY=(?<byday>[^ ;]+) (?<opens>\d{2}:\d{2})-(?<closes>\d{2}:\d{2})$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Schedule();

    /// <summary>Collects organisations, services and locations from the rows, checking each row and that repeated entries agree.</summary>
    private sealed class Builder(Dictionary<string, string[]> problems)
    {
        private readonly List<OrganisationRows> _organisations = [];
        private readonly Dictionary<Guid, OrganisationRows> _byId = [];
        private readonly Dictionary<Guid, (Guid Organisation, HsdsService Service, int Row)> _services = [];

        public void Problem(int row, string column, string message)
        {
            var key = column.Length == 0 ? $"rows[{row}]" : $"rows[{row}].{column}";
            problems[key] = [.. problems.GetValueOrDefault(key, []), message];
        }

        public void Add(int row, Func<string, string> get)
        {
            var before = problems.Count;
            string? Text(string column, int max)
            {
                var value = get(column).Trim();
                if (value.Length > max)
                {
                    Problem(row, column, $"Zeile {row}, Spalte {column}: höchstens {max} Zeichen.");
                }

                return value.Length == 0 ? null : value;
            }

            Guid Id(string column)
            {
                if (!Guid.TryParse(get(column).Trim(), out var id) || id == Guid.Empty)
                {
                    Problem(row, column, $"Zeile {row}, Spalte {column}: keine gültige Kennung (GUID).");
                }

                return id;
            }

            bool YesNo(string column)
            {
                var value = get(column).Trim();
                if (value is not ("yes" or "no"))
                {
                    Problem(row, column, $"Zeile {row}, Spalte {column}: „yes“ oder „no“ erwartet, nicht „{value}“.");
                }

                return value == "yes";
            }

            var organisationId = Id("organization_id");
            var organisationName = Text("organization_name", 200);
            if (organisationName is null)
            {
                Problem(row, "organization_name", $"Zeile {row}, Spalte organization_name: Der Name der Organisation fehlt.");
            }

            var serviceId = Id("service_id");
            var serviceName = Text("service_name", 200);
            if (serviceName is null)
            {
                Problem(row, "service_name", $"Zeile {row}, Spalte service_name: Der Name des Angebots fehlt.");
            }

            var type = get("service_type").Trim();
            if (!ServiceTypes.IsKnown(type))
            {
                Problem(row, "service_type", $"Zeile {row}, Spalte service_type: unbekannte Art „{type}“ (erlaubt: {string.Join(", ", ServiceTypes.All)}).");
            }

            var publicBody = YesNo("public_body");
            var languages = get("languages").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var badLanguages = languages.Where(code => !LanguageCatalog.IsKnown(code)).ToList();
            if (badLanguages.Count > 0)
            {
                Problem(row, "languages", $"Zeile {row}, Spalte languages: unbekannte Sprachcodes {string.Join(", ", badLanguages)} (ISO 639, durch Leerzeichen getrennt).");
            }

            var takingNewClients = YesNo("taking_new_clients");
            int? waitingDays = null;
            var waiting = get("typical_waiting_days").Trim();
            if (waiting.Length > 0)
            {
                if (int.TryParse(waiting, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= 3650)
                {
                    waitingDays = days;
                }
                else
                {
                    Problem(row, "typical_waiting_days", $"Zeile {row}, Spalte typical_waiting_days: eine ganze Zahl von 0 bis 3650 oder leer.");
                }
            }

            var locationName = Text("location_name", 200);
            var street = Text("address", 200);
            var postalCode = Text("postal_code", 16);
            var city = Text("city", 100);
            var hoursText = get("opening_hours").Trim();
            var schedules = new List<HsdsSchedule>();
            if (hoursText.Length > 0)
            {
                if (locationName is null)
                {
                    Problem(row, "opening_hours", $"Zeile {row}, Spalte opening_hours: Öffnungszeiten ohne Ort (location_name).");
                }

                foreach (var part in hoursText.Split("; FREQ=").Select((p, i) => i == 0 ? p : "FREQ=" + p))
                {
                    var match = Schedule().Match(part);
                    var opens = match.Success ? ImportDirectoryHandler.ParseTime(match.Groups["opens"].Value) : null;
                    var closes = match.Success ? ImportDirectoryHandler.ParseTime(match.Groups["closes"].Value) : null;
                    if (opens is null || closes is null || !OpeningHours.IsValid(match.Groups["freq"].Value, match.Groups["byday"].Value, opens.Value, closes.Value))
                    {
                        Problem(row, "opening_hours", $"Zeile {row}, Spalte opening_hours: „{part}“ ist keine Öffnungszeit wie „FREQ=WEEKLY;BYDAY=MO,TU 09:00-13:00“.");
                        continue;
                    }

                    schedules.Add(new HsdsSchedule(match.Groups["freq"].Value, match.Groups["byday"].Value, match.Groups["opens"].Value, match.Groups["closes"].Value, null));
                }
            }

            if (locationName is null && (street ?? postalCode ?? city) is not null)
            {
                Problem(row, "location_name", $"Zeile {row}, Spalte location_name: Eine Adresse braucht den Namen des Orts.");
            }

            if (problems.Count > before)
            {
                return;
            }

            if (!_byId.TryGetValue(organisationId, out var organisation))
            {
                organisation = new OrganisationRows(organisationId, organisationName!, row);
                _byId[organisationId] = organisation;
                _organisations.Add(organisation);
            }
            else if (organisation.Name != organisationName)
            {
                Problem(row, "organization_name", $"Zeile {row}, Spalte organization_name: „{organisationName}“, aber Zeile {organisation.Row} nennt dieselbe Organisation „{organisation.Name}“.");
                return;
            }

            Guid? locationId = null;
            if (locationName is not null)
            {
                var address = (street ?? postalCode ?? city) is null ? null : new HsdsAddress(street, city, postalCode);
                if (organisation.Locations.TryGetValue(locationName, out var known))
                {
                    if ((known.Location.Addresses is { Count: > 0 } knownAddresses ? knownAddresses[0] : null) != address
                        || !known.Location.Schedules!.SequenceEqual(schedules))
                    {
                        Problem(row, "location_name", $"Zeile {row}, Spalte location_name: Der Ort „{locationName}“ hat hier andere Adresse oder Öffnungszeiten als in Zeile {known.Row}.");
                        return;
                    }

                    locationId = known.Location.Id;
                }
                else
                {
                    var location = new HsdsLocation(Guid.CreateVersion7(), address is null ? "virtual" : "physical", locationName,
                        address is null ? null : [address], null, schedules);
                    organisation.Locations[locationName] = (location, row);
                    locationId = location.Id;
                }
            }

            var service = new HsdsService(serviceId, serviceName!, null, Text("eligibility", 2000), languages.Select(l => new HsdsLanguage(l)).ToList(),
                Text("fees", 500), null, Text("application_process", 2000), null, "active", new List<HsdsServiceAtLocation>(),
                new HsdsCaseWorkExtension(type, publicBody, waitingDays, takingNewClients));
            if (_services.TryGetValue(serviceId, out var seen))
            {
                if (seen.Organisation != organisationId || !SameService(seen.Service, service))
                {
                    Problem(row, "service_id", $"Zeile {row}, Spalte service_id: Das Angebot steht schon in Zeile {seen.Row}, dort mit anderen Angaben oder bei einer anderen Organisation.");
                    return;
                }

                service = seen.Service;
            }
            else
            {
                _services[serviceId] = (organisationId, service, row);
                organisation.Services.Add(service);
            }

            if (locationId is { } at && service.ServiceAtLocations!.All(l => l.LocationId != at))
            {
                ((List<HsdsServiceAtLocation>)service.ServiceAtLocations!).Add(new HsdsServiceAtLocation(Guid.CreateVersion7(), at));
            }
        }

        public HsdsDirectory Build() => new("3.0", _organisations.Select(o => new HsdsOrganization(
            o.Id, o.Name, null, null, null, null, o.Locations.Values.Select(l => l.Location).ToList(), o.Services, null)).ToList());

        private static bool SameService(HsdsService a, HsdsService b) =>
            a.Name == b.Name && a.EligibilityDescription == b.EligibilityDescription && a.FeesDescription == b.FeesDescription
            && a.ApplicationProcess == b.ApplicationProcess && a.XCasework == b.XCasework
            && a.Languages!.Select(l => l.Code).SequenceEqual(b.Languages!.Select(l => l.Code));

        private sealed class OrganisationRows(Guid id, string name, int row)
        {
            public Guid Id { get; } = id;

            public string Name { get; } = name;

            public int Row { get; } = row;

            public Dictionary<string, (HsdsLocation Location, int Row)> Locations { get; } = new(StringComparer.Ordinal);

            public List<HsdsService> Services { get; } = [];
        }
    }
}
