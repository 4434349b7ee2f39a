using System.Xml.Linq;

namespace CaseWork.ArchitectureTests.Codebase;

/// <summary>
/// What a project file declares it depends on. Checked besides the assemblies because the compiler drops a reference
/// nothing uses yet: a new ProjectReference to another module's implementation is a violation before its first use.
/// </summary>
internal sealed class ProjectFile
{
    private ProjectFile(string path, XDocument project)
    {
        Path = path;
        Name = System.IO.Path.GetFileNameWithoutExtension(path);
        ProjectReferences = Items(project, "ProjectReference")
            .Select(include => System.IO.Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
            .ToList();
        PackageReferences = Items(project, "PackageReference").ToList();
        FrameworkReferences = Items(project, "FrameworkReference").ToList();
    }

    public string Path { get; }

    /// <summary>The project (and assembly) name, e.g. <c>CaseWork.Modules.Clients</c>.</summary>
    public string Name { get; }

    /// <summary>Names of the referenced projects.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    public IReadOnlyList<string> PackageReferences { get; }

    public IReadOnlyList<string> FrameworkReferences { get; }

    public static ProjectFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Expected the project file {path}.");
        }

        return new ProjectFile(path, XDocument.Load(path));
    }

    private static IEnumerable<string> Items(XDocument project, string itemType) =>
        project.Descendants(itemType)
            .Select(item => (string?)item.Attribute("Include"))
            .OfType<string>();

    public override string ToString() => Name;
}
