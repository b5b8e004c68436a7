using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Pathway.Web.Data;

/// <summary>
/// The data-protection keys (they sign cookies, bearer tokens and invitation links) live in the
/// database, so every app server shares them. With <c>DataProtection:CertificatePath</c> (a PFX file,
/// password in <c>DataProtection:CertificatePassword</c>) each key is encrypted with that certificate
/// before it is stored; without it a key is stored as plain XML, readable by whoever can read the
/// database, which is then the secret to guard.
/// </summary>
public static class KeyProtection
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    // The category that warns "No XML encryptor configured" each time it writes a key.
    private const string KeyManagerCategory = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CertificatePathSetting]);

    public static void AddPathwayDataProtection(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("Pathway")
            .PersistKeysToDbContext<PathwayDb>();
        if (IsConfigured(configuration))
        {
            var path = Path.GetFullPath(configuration[CertificatePathSetting]!, builder.Environment.ContentRootPath);
            protection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]));
        }
        else
        {
            // Unprotected keys are a stated choice here, not an accident: the startup message says so once
            // at Information with how to change it. The key manager's own warning would instead alarm on
            // every first start; only its warnings are muted, its errors still show.
            builder.Logging.AddFilter(KeyManagerCategory, LogLevel.Error);
        }
    }
}
