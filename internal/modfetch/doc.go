// Package modfetch fetches remote Terraform and OpenTofu modules into a
// cache on disk that many runs share, so that the scanner can read a module
// called with a registry, git or archive source without running
// "terraform init".
//
// # Sources
//
// A source is read the way Terraform reads it:
//
//   - "./x" and "../x" are local paths (IsRemote reports false); Fetch
//     refuses them.
//   - "NAMESPACE/NAME/PROVIDER" and "HOST[:PORT]/NAMESPACE/NAME/PROVIDER"
//     are module registry addresses (the default host is
//     registry.terraform.io).
//   - "git::URL" with an https, ssh or file URL (or "git@host:path"), and
//     "github.com/ORG/REPO", which means git::https://github.com/ORG/REPO.git,
//     are git repositories; "?ref=" names a branch, tag or commit.
//   - "https://..." is an archive when its path ends in .zip, .tar.gz,
//     .tgz, .tar.bz2, .tbz2 or .tar, or when it carries "?archive=TYPE";
//     any other https URL is asked for an X-Terraform-Get header naming the
//     real location.
//   - s3::, gcs::, hg::, bitbucket.org and the other go-getter sources are
//     not supported: Fetch returns an error wrapping ErrUnsupported.
//
// Any source may end in "//SUBDIR" (before the query string), which selects
// a directory inside the fetched package; a path element of SUBDIR may be a
// glob that matches exactly one directory.
//
// # Registry protocol
//
// For a registry address Fetch follows Terraform's module registry
// protocol. Service discovery reads https://HOST/.well-known/terraform.json
// and takes the "modules.v1" URL from it (relative to the discovery
// document or absolute). The versions of the module are listed with
// GET <modules.v1>NAMESPACE/NAME/PROVIDER/versions, and the version
// argument of Fetch, a go-version constraint such as "~> 1.2" or
// ">= 1.0, < 2.0", picks the newest version that meets it ("" picks the
// newest). A prerelease version is picked only when the constraint names
// it exactly ("1.3.0-beta" or "= 1.3.0-beta"), as in Terraform. The
// package location comes from GET .../VERSION/download, in the
// X-Terraform-Get header of a 204 or 200 answer (or the "location" field of
// a JSON body); a location that starts with "/", "./" or "../" is relative
// to the download URL. The location is itself a source: an archive URL, a
// git source or an https URL that answers with another X-Terraform-Get; at
// most five such hops are followed.
//
// A token for a private registry is read from the environment variable
// TF_TOKEN_<host>, where the host is written in lower case (or all upper
// case) with an international name in punycode, each "-" as "__" and each
// "." as "_" (TF_TOKEN_app_terraform_io, TF_TOKEN_my__registry_example_com),
// and sent as "Authorization: Bearer <token>" to requests for that host
// only: the registry's API, and downloads from the same host (Go's HTTP
// client drops the header on a redirect to another host). Unlike
// Terraform, the token of a registry is not sent to a modules.v1 URL on
// another host. As in Terraform, a host with a port other than 443 cannot
// have a token in the environment.
//
// # Cache layout
//
// Every cache entry is a directory under Options.CacheDir:
//
//	registry/HOST/NAMESPACE/NAME/PROVIDER/VERSION/   registry modules
//	git/SHA256(URL, REF)/                            git sources
//	http/SHA256(URL)/                                archives
//
// An entry holds spillway-module.json (what was fetched, from where, and
// the subdirectory the package location named) and pkg/, the package
// itself (without .git). The //SUBDIR of the source is not part of the key,
// so all subdirectories of a package share one entry. An entry is built in
// a fresh temporary directory under CacheDir/.tmp and renamed into place
// when complete, so an entry either exists whole or not at all; a directory
// without its spillway-module.json is never trusted, and temporary
// directories older than a day are removed. When Options.Network is false
// only the cache is read: a registry constraint is resolved against the
// versions present in the module's directory of the cache. When it is
// true and a download fails (a host that cannot be reached, a timeout),
// Fetch falls back to the cache the same way; refusals (ErrRefused) and
// unsupported sources do not fall back.
//
// Fetch is safe for concurrent use: calls for the same source and version,
// and calls that resolve to the same cache entry, wait for one download.
// Two processes that race on an entry both download, and the second rename
// loses harmlessly.
//
// # Safety limits
//
// Fetched content is hostile until proven otherwise:
//
//   - Only https is used for registry, download and archive URLs, including
//     every redirect, and for git over HTTP; http:// is refused
//     (ErrRefused). At most 10 redirects
//     are followed and a redirect loop is an error.
//   - Each download has a timeout (Options.Timeout, 60s by default) and a
//     size cap (Options.MaxBytes, 256 MiB by default).
//   - Archive extraction refuses absolute names, names with a ".." element
//     or a backslash, symbolic and hard links, devices, FIFOs and other
//     special entries, and stops when the extracted bytes exceed MaxBytes
//     (a decompression bomb). Files are written through an os.Root opened
//     on the entry's temporary directory, so nothing lands outside it.
//   - git is run only as Options.Git with fixed arguments, never anything
//     from the module: hooks are disabled (core.hooksPath=/dev/null, an
//     empty template directory), submodules are not fetched, only the
//     https, ssh and file transports are allowed, GIT_TERMINAL_PROMPT=0
//     keeps it from prompting, and the clone runs under the timeout. The
//     .git directory is removed from the cached copy, and a symbolic link
//     in the checkout whose target leaves the package (or does not exist)
//     is removed; links that stay inside are kept.
//   - A file:// git location named by a registry or an X-Terraform-Get
//     header is refused; only a source written by the user may be local.
//
// Errors name the source and wrap ErrNotCached, ErrUnsupported or
// ErrRefused where those apply.
package modfetch
