using Microsoft.AspNetCore.Http;
using Mono.Cecil;

namespace CaseWork.ArchitectureTests.Engine;

/// <summary>
/// Reads built assemblies with Mono.Cecil — metadata and IL, without loading them for execution — from one folder
/// (the test's output folder, where the build copied the system under test), resolving framework types from the
/// shared frameworks this test runs on.
/// </summary>
internal sealed class CompiledAssemblies : IDisposable
{
    private readonly DefaultAssemblyResolver _resolver = new();

    public CompiledAssemblies(string directory)
    {
        Directory = directory;
        var coreFramework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNetCoreFramework = Path.GetDirectoryName(typeof(HttpContext).Assembly.Location)!;

        foreach (var defaultDirectory in _resolver.GetSearchDirectories())
        {
            _resolver.RemoveSearchDirectory(defaultDirectory);
        }

        _resolver.AddSearchDirectory(directory);
        _resolver.AddSearchDirectory(coreFramework);
        _resolver.AddSearchDirectory(aspNetCoreFramework);

        BaseClassLibrary = System.IO.Directory.GetFiles(coreFramework, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    public string Directory { get; }

    /// <summary>
    /// The names of the assemblies of the base class library: everything shipped in the Microsoft.NETCore.App shared
    /// framework (System.*, netstandard, mscorlib, Microsoft.CSharp, Microsoft.Win32.*), and nothing else — not
    /// Microsoft.Extensions.*, not ASP.NET Core.
    /// </summary>
    public IReadOnlySet<string> BaseClassLibrary { get; }

    public bool Contains(string assemblyName) => File.Exists(PathOf(assemblyName));

    /// <summary>The assembly named <paramref name="assemblyName"/> from the folder; fails loudly when it was not built there.</summary>
    public AssemblyDefinition Get(string assemblyName)
    {
        if (!Contains(assemblyName))
        {
            throw new InvalidOperationException(
                $"{PathOf(assemblyName)} does not exist. The architecture tests check only what CaseWork.ArchitectureTests.csproj builds and copies: reference the project.");
        }

        // Through the resolver, so that types resolved later come from the same AssemblyDefinition instances.
        return _resolver.Resolve(AssemblyNameReference.Parse(assemblyName));
    }

    public void Dispose() => _resolver.Dispose();

    private string PathOf(string assemblyName) => Path.Combine(Directory, assemblyName + ".dll");
}
