using CaseWork.ArchitectureTests.Engine;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Codebase;

/// <summary>
/// The assemblies a set of rules is checked against: a shared kernel, a host and modules. <see cref="Real"/> is
/// CaseWork itself, with modules found by folder under <c>src/Modules</c>; <see cref="Canaries"/> are the deliberately
/// violating samples under <c>architecture-tests/Canaries</c>, which the same rules must fail on. Canaries are never
/// part of <see cref="Real"/>: that one knows its modules by their source folders, not by assembly names.
/// </summary>
internal sealed class CaseWorkCodebase
{
    /// <summary>The modules DESIGN.md names; finding fewer means the discovery broke, not that the rules hold.</summary>
    public static readonly IReadOnlyList<string> ExpectedModules =
        ["Clients", "Appointments", "Referrals", "DebtCounselling", "InterpreterBooking"];

    private static readonly Lazy<CompiledAssemblies> Compiled = new(() => new CompiledAssemblies(AppContext.BaseDirectory));
    private static readonly Lazy<CaseWorkCodebase> RealCodebase = new(LoadReal);
    private static readonly Lazy<CaseWorkCodebase> CanaryCodebase = new(LoadCanaries);

    private CaseWorkCodebase(
        string description,
        AssemblyDefinition kernel,
        AssemblyDefinition host,
        IReadOnlyList<BuiltModule> modules)
    {
        Description = description;
        Kernel = kernel;
        Host = host;
        Modules = modules;
    }

    public static CaseWorkCodebase Real => RealCodebase.Value;

    public static CaseWorkCodebase Canaries => CanaryCodebase.Value;

    public string Description { get; }

    /// <summary>The shared kernel: <c>CaseWork.BuildingBlocks</c>.</summary>
    public AssemblyDefinition Kernel { get; }

    public AssemblyDefinition Host { get; }

    public IReadOnlyList<BuiltModule> Modules { get; }

    public IReadOnlySet<string> BaseClassLibrary => Compiled.Value.BaseClassLibrary;

    public override string ToString() => Description;

    private static CaseWorkCodebase LoadReal()
    {
        var modulesFolder = Path.Combine(RepositoryRoot(), "src", "Modules");
        var modules = Directory.GetDirectories(modulesFolder)
            .Select(folder => LoadModule(Path.GetFileName(folder), folder, ProjectsIn(folder)))
            .ToList();

        var missing = ExpectedModules.Except(modules.Select(m => m.Name), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Module discovery under {modulesFolder} did not find {string.Join(", ", missing)}; the rules would check too little.");
        }

        return new CaseWorkCodebase(
            "CaseWork",
            Compiled.Value.Get("CaseWork.BuildingBlocks"),
            Compiled.Value.Get("CaseWork.Host"),
            modules);
    }

    private static CaseWorkCodebase LoadCanaries()
    {
        var canariesFolder = Path.Combine(RepositoryRoot(), "architecture-tests", "Canaries");
        IReadOnlyList<string> ProjectsOf(string module) =>
        [
            Path.Combine(canariesFolder, ModuleNaming.Implementation(module), ModuleNaming.Implementation(module) + ".csproj"),
            Path.Combine(canariesFolder, ModuleNaming.Contracts(module), ModuleNaming.Contracts(module) + ".csproj"),
        ];

        return new CaseWorkCodebase(
            "canaries",
            Compiled.Value.Get("CaseWork.CanaryKernel"),
            Compiled.Value.Get("CaseWork.CanaryHost"),
            [
                LoadModule("CanaryA", canariesFolder, ProjectsOf("CanaryA")),
                LoadModule("CanaryB", canariesFolder, ProjectsOf("CanaryB")),
            ]);
    }

    private static BuiltModule LoadModule(string name, string folder, IReadOnlyList<string> projectPaths)
    {
        var expected = new[] { ModuleNaming.Implementation(name), ModuleNaming.Contracts(name) };
        var found = projectPaths.Select(Path.GetFileNameWithoutExtension).ToList();
        if (!found.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
        {
            // A split module (DESIGN.md allows it "when it earns it") must be taught to the rules, not slip past them.
            throw new InvalidOperationException(
                $"Module folder {folder} holds the projects [{string.Join(", ", found)}]; the architecture tests know exactly [{string.Join(", ", expected)}].");
        }

        ProjectFile ProjectNamed(string project) =>
            ProjectFile.Read(projectPaths.Single(p => Path.GetFileNameWithoutExtension(p) == project));

        return new BuiltModule(
            name,
            Compiled.Value.Get(ModuleNaming.Implementation(name)),
            Compiled.Value.Get(ModuleNaming.Contracts(name)),
            ProjectNamed(ModuleNaming.Implementation(name)),
            ProjectNamed(ModuleNaming.Contracts(name)));
    }

    private static string[] ProjectsIn(string moduleFolder) =>
        Directory.GetFiles(moduleFolder, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToArray();

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CaseWork.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CaseWork.sln above {AppContext.BaseDirectory}.");
    }
}
