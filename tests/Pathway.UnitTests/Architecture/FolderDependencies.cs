using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Pathway.UnitTests.Architecture;

/// <summary>One use of a type of one folder by a type of another, e.g. Planning's PlanningRound using Assessments' Round.</summary>
internal sealed record FolderEdge(string From, string To, string FromType, string ToType);

/// <summary>
/// Reads which folder's types use which other folder's types, from the compiled web assembly (metadata, not
/// source text): base types, interfaces, fields, method signatures and locals, and every type, method and
/// field a method body names (so a Razor page's markup counts too, through its generated code).
/// A folder is the namespace segment after <c>Pathway.Web</c>; the root namespace (shared types) is "(root)";
/// <c>Program</c> is the composition root and left out.
/// Limits: attributes (<c>typeof</c> in an attribute argument), names only in strings (routes, reflection) and
/// doc comments are not seen; code generated outside the <c>Pathway.Web</c> namespaces is not attributed to a folder.
/// </summary>
internal static class FolderDependencies
{
    public const string Root = "(root)";

    private static readonly Lazy<IReadOnlyList<FolderEdge>> AllEdges = new(Read);

    public static IReadOnlyList<FolderEdge> Edges => AllEdges.Value;

    private static IReadOnlyList<FolderEdge> Read()
    {
        using var stream = File.OpenRead(typeof(Pathway.Web.Assessments.Round).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var provider = new TypeCollector();
        var edges = new HashSet<FolderEdge>();
        foreach (var handle in md.TypeDefinitions)
        {
            var (from, fromName) = FolderOf(md, handle);
            if (from is null)
            {
                continue;
            }
            foreach (var used in UsedBy(md, pe, handle, provider))
            {
                var (to, toName) = FolderOf(md, used);
                if (to is not null && to != from)
                {
                    edges.Add(new FolderEdge(from, to, fromName, toName));
                }
            }
        }
        return [.. edges];
    }

    /// <summary>The folder of a type (by its outermost declaring type), and that type's full name; null folder outside Pathway.Web.</summary>
    private static (string? Folder, string Name) FolderOf(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = md.GetTypeDefinition(type.GetDeclaringType());
        }
        var space = md.GetString(type.Namespace);
        var name = md.GetString(type.Name);
        // Razor puts its type-inference helpers under __Blazor.<the component's namespace>.
        space = space.StartsWith("__Blazor.", StringComparison.Ordinal) ? space["__Blazor.".Length..] : space;
        var fullName = $"{space}.{name}";
        if (space == "Pathway.Web")
        {
            return (name == "Program" ? null : Root, fullName);
        }
        return space.StartsWith("Pathway.Web.", StringComparison.Ordinal)
            ? (space["Pathway.Web.".Length..].Split('.')[0], fullName)
            : (null, fullName);
    }

    private static List<TypeDefinitionHandle> UsedBy(MetadataReader md, PEReader pe, TypeDefinitionHandle handle, TypeCollector provider)
    {
        var type = md.GetTypeDefinition(handle);
        var found = new List<TypeDefinitionHandle>();
        if (!type.BaseType.IsNil)
        {
            found.AddRange(Resolve(md, type.BaseType, provider));
        }
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            found.AddRange(Resolve(md, md.GetInterfaceImplementation(implementation).Interface, provider));
        }
        foreach (var parameter in type.GetGenericParameters())
        {
            foreach (var constraint in md.GetGenericParameter(parameter).GetConstraints())
            {
                found.AddRange(Resolve(md, md.GetGenericParameterConstraint(constraint).Type, provider));
            }
        }
        foreach (var field in type.GetFields())
        {
            found.AddRange(md.GetFieldDefinition(field).DecodeSignature(provider, null));
        }
        foreach (var methodHandle in type.GetMethods())
        {
            var method = md.GetMethodDefinition(methodHandle);
            found.AddRange(Named(method.DecodeSignature(provider, null)));
            if (method.RelativeVirtualAddress == 0)
            {
                continue;
            }
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                found.AddRange(md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null).SelectMany(local => local));
            }
            foreach (var token in Tokens(body.GetILBytes()))
            {
                found.AddRange(Resolve(md, MetadataTokens.EntityHandle(token), provider));
            }
        }
        return found;
    }

    /// <summary>The types an entity names: a type itself, a member's declaring type and signature, a generic method's arguments.</summary>
    private static IEnumerable<TypeDefinitionHandle> Resolve(MetadataReader md, EntityHandle handle, TypeCollector provider)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return [(TypeDefinitionHandle)handle];
            case HandleKind.TypeSpecification:
                return md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(provider, null);
            case HandleKind.MethodDefinition:
                return [md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()];
            case HandleKind.FieldDefinition:
                return [md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()];
            case HandleKind.MethodSpecification:
                var specification = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                return Resolve(md, specification.Method, provider).Concat(specification.DecodeSignature(provider, null).SelectMany(argument => argument));
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                var inSignature = member.GetKind() == MemberReferenceKind.Method
                    ? Named(member.DecodeMethodSignature(provider, null))
                    : member.DecodeFieldSignature(provider, null);
                return member.Parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeSpecification
                    ? Resolve(md, (EntityHandle)member.Parent, provider).Concat(inSignature)
                    : inSignature;
            default:
                return [];
        }
    }

    private static IEnumerable<TypeDefinitionHandle> Named(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
        signature.ReturnType.Concat(signature.ParameterTypes.SelectMany(parameter => parameter));

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value, code => code.OperandType);

    /// <summary>The metadata tokens an IL body names (fields, methods, types), walking its instructions.</summary>
    private static IEnumerable<int> Tokens(byte[]? il)
    {
        if (il is null)
        {
            yield break;
        }
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }
            var operand = Operands[value];
            switch (operand)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, position);
                    position += 4;
                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    position += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    position += 4;
                    break;
                case OperandType.InlineVar:
                    position += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    position += 1;
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Decodes a signature into the assembly's own types it names (other assemblies' types are dropped).</summary>
    private sealed class TypeCollector : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [];

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(argument => argument)];

        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;

        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(parameter => parameter)];

        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? genericContext, int index) => [];

        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? genericContext, int index) => [];

        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];
    }
}
