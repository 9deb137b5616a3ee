using Google.Protobuf;
using Google.Protobuf.Reflection;
using Hierarchy.Grpc.Server;

namespace Hierarchy.Grpc.Standard;

/// <summary>The files, symbols and services this server describes through reflection.</summary>
public sealed class ReflectionIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="ReflectionIndex"/> class from every registered service.</summary>
    public ReflectionIndex(IEnumerable<GrpcServiceRegistration> registrations)
    {
        Services = [.. registrations.Select(r => r.Descriptor.FullName).Distinct().Order(StringComparer.Ordinal)];
        foreach (var registration in registrations)
        {
            AddFile(registration.Descriptor.File);
        }
    }

    /// <summary>Gets the full names of the services, sorted.</summary>
    public IReadOnlyList<string> Services { get; }

    /// <summary>Gets a file by its name with every file it imports, transitively; null when unknown.</summary>
    public IReadOnlyList<ByteString>? FileByName(string name) =>
        _files.TryGetValue(name, out var file) ? WithDependencies(file) : null;

    /// <summary>Gets the file defining a fully qualified symbol (service, method, message, enum, field) with its imports; null when unknown.</summary>
    public IReadOnlyList<ByteString>? FileContainingSymbol(string symbol) =>
        _symbols.TryGetValue(symbol, out var file) ? WithDependencies(file) : null;

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (var service in file.Services)
        {
            _symbols[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _symbols[$"{service.FullName}.{method.Name}"] = file;
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            _symbols[enumType.FullName] = file;
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        _symbols[message.FullName] = file;
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            _symbols[field.FullName] = file;
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            _symbols[enumType.FullName] = file;
        }
    }

    private static List<ByteString> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ByteString>();
        Visit(file);
        return result;

        void Visit(FileDescriptor f)
        {
            if (!seen.Add(f.Name))
            {
                return;
            }

            result.Add(f.SerializedData);
            foreach (var dependency in f.Dependencies)
            {
                Visit(dependency);
            }
        }
    }
}
