using System.Text;

namespace CaseWork.Host.Identity;

/// <summary>Prints where CaseWork listens and, after the first start, the demo sign-ins.</summary>
internal sealed class StartupBanner
{
    private readonly List<(string Role, string UserName, string DisplayName, string? Password)> _users = [];

    public void AddSeededUser(string role, string userName, string displayName, string password) =>
        _users.Add((role, userName, displayName, password));

    public void RememberExistingDemoUsers(IEnumerable<string> userNames) =>
        _users.AddRange(userNames.Select(u => ("", u, "", (string?)null)));

    public string Render(IEnumerable<string> urls, string? linksTo = null)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("==================================================================");
        text.AppendLine(" CaseWork is running / CaseWork läuft:");
        foreach (var url in urls)
        {
            text.AppendLine($"   {url}");
        }

        if (linksTo is not null)
        {
            text.AppendLine($" Links in e-mails / Links in E-Mails: {linksTo}   (setting PublicBaseUrl)");
        }

        if (_users.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(" Demo sign-ins / Demo-Anmeldungen:");
            foreach (var (role, userName, displayName, password) in _users)
            {
                text.AppendLine(password is null
                    ? $"   {userName}"
                    : $"   {role,-14} {userName,-42} password: {password}   ({displayName})");
            }

            if (_users.All(u => u.Password is null))
            {
                text.AppendLine("   (passwords were printed at the first start; delete the data folder to seed anew)");
            }
        }

        text.AppendLine("==================================================================");
        return text.ToString();
    }

    public void Print(IEnumerable<string> urls, string? linksTo = null) => Console.WriteLine(Render(urls, linksTo));
}
