using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace CaseWork.Host.Pages;

/// <summary>
/// Finds modules' view components although they are internal: a module assembly exposes exactly one public type (its
/// entry; an architecture rule), so the start-page panels it names through <c>IModule.StartPagePanel</c> are internal
/// classes marked <see cref="ViewComponentAttribute"/>. MVC's own discovery only takes public types.
/// </summary>
internal sealed class ModuleViewComponents(IReadOnlyCollection<Assembly> moduleAssemblies) : IApplicationFeatureProvider<ViewComponentFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ViewComponentFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        foreach (var part in parts.OfType<AssemblyPart>().Where(p => moduleAssemblies.Contains(p.Assembly)))
        {
            foreach (var type in part.Types)
            {
                if (!type.IsPublic && type.IsClass && !type.IsAbstract && !type.ContainsGenericParameters
                    && type.IsDefined(typeof(ViewComponentAttribute)) && !feature.ViewComponents.Contains(type))
                {
                    feature.ViewComponents.Add(type);
                }
            }
        }
    }
}
