package benchgen

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

var (
	domains = []string{
		"orders", "payments", "billing", "inventory", "catalog", "search", "notifications", "identity",
		"accounts", "shipping", "reporting", "analytics", "ingest", "media", "checkout", "ledger",
		"fraud", "pricing", "audit", "loyalty", "reviews", "partners", "returns", "warehouse",
		"fleet", "support", "content", "marketing", "messaging", "scheduling", "documents", "compliance",
		"geo", "telemetry", "payroll", "onboarding", "invoicing", "quotes", "claims", "bookings",
		"subscriptions", "recommendations", "feeds", "exports", "imports", "routing", "tracking", "profiles",
	}
	roles = []string{"api", "worker", "events", "etl", "web", "sync", "admin", "jobs", "gateway", "backend"}
	envs  = []string{"dev", "staging", "prod", "qa", "sandbox", "perf", "uat", "dr"}
	// envRegion is where each environment runs.
	envRegion = map[string]string{
		"dev": "eu-west-1", "staging": "eu-west-1", "prod": "eu-west-1", "qa": "eu-central-1",
		"sandbox": "us-east-1", "perf": "eu-central-1", "uat": "eu-west-1", "dr": "us-west-2",
	}
	// envAccount is a fictitious account per environment.
	envAccount = map[string]string{
		"dev": "111122223333", "staging": "222233334444", "prod": "333344445555", "qa": "444455556666",
		"sandbox": "555566667777", "perf": "666677778888", "uat": "777788889999", "dr": "888899990000",
	}
)

// Components of root modules. Each writes one file; they are generated in
// this order. The first group is ordinary infrastructure, the second the
// serverless designs spillway checks.
var (
	infraComponents = []string{
		"kms", "network", "security", "iam", "storage", "database", "cache", "ecr",
		"ecs", "alb", "compute", "dns", "backup", "params", "monitoring",
	}
	serverlessComponents = []string{"functions", "workers", "streams", "api", "events", "alarms"}
	// infraWeight is the relative frequency of each infrastructure
	// component.
	infraWeight = map[string]float64{
		"kms": 0.5, "network": 0.55, "security": 0.5, "iam": 0.65, "storage": 0.6, "database": 0.3,
		"cache": 0.15, "ecr": 0.2, "ecs": 0.25, "alb": 0.2, "compute": 0.2, "dns": 0.25,
		"backup": 0.15, "params": 0.35, "monitoring": 0.5,
	}
	// serverlessWeight is the relative frequency of each serverless
	// component in a root that has functions.
	serverlessWeight = map[string]float64{
		"workers": 0.5, "streams": 0.3, "api": 0.55, "events": 0.45, "alarms": 0.4,
	}
)

// coreFiles are the files every root module has besides its components.
const coreFiles = 4 // versions.tf, variables.tf, main.tf, outputs.tf

// rootPlan is one root module to generate.
type rootPlan struct {
	env, service string
	comps        []string // in generation order
	lock         bool     // write a .terraform.lock.hcl
}

func (p rootPlan) files() int { return coreFiles + len(p.comps) }

func (p rootPlan) has(c string) bool {
	for _, x := range p.comps {
		if x == c {
			return true
		}
	}
	return false
}

// planRoots decides the root modules that hold budget configuration files
// in total.
func planRoots(seed uint64, budget int) []rootPlan {
	r := newRand(seed, "services")
	var services []string
	for _, d := range domains {
		for _, role := range roles {
			services = append(services, d+"-"+role)
		}
	}
	r.Shuffle(len(services), func(i, j int) { services[i], services[j] = services[j], services[i] })
	// Whether a service is serverless follows a low-discrepancy sequence,
	// so that every prefix of the list, and thus every tree size, has
	// close to the same share of serverless services.
	offset := r.Float64()
	var plans []rootPlan
	for round := 0; budget > 0; round++ {
		for i, svc := range services {
			if budget <= 0 {
				break
			}
			if round > 0 {
				svc = fmt.Sprintf("%s-%d", svc, round+1)
			}
			sr := newRand(seed, "service/"+svc)
			seq := offset + float64(round*len(services)+i)*0.6180339887498949
			comps := blueprint(sr, seq-math.Floor(seq) < serverlessServices)
			for _, env := range serviceEnvs(sr) {
				if budget <= 0 {
					break
				}
				p := rootPlan{env: env, service: svc, comps: append([]string(nil), comps...), lock: chance(sr, 0.6)}
				if p.files() > budget {
					if budget < coreFiles+1 {
						plans = pad(plans, budget)
						return plans
					}
					p.comps = trim(p.comps, budget-coreFiles)
				}
				budget -= p.files()
				plans = append(plans, p)
			}
		}
	}
	return plans
}

// serviceEnvs returns the environments a service is deployed to.
func serviceEnvs(r *rand.Rand) []string {
	out := []string{"dev", "staging", "prod"}
	for _, e := range envs[3:] {
		if chance(r, 0.3) {
			out = append(out, e)
		}
	}
	return out
}

// serverlessServices is the share of services that run Lambda functions.
// With it about a sixth of all resources are serverless ones, as in
// repositories that mix serverless services with the usual infrastructure.
const serverlessServices = 0.42

// blueprint chooses the components of a service's root modules.
func blueprint(r *rand.Rand, serverless bool) []string {
	set := map[string]bool{}
	if serverless {
		set["functions"] = true
		n := between(r, 1, 3)
		for _, c := range weighted(r, serverlessComponents[1:], serverlessWeight, n) {
			set[c] = true
		}
		for _, c := range weighted(r, infraComponents, infraWeight, between(r, 2, 7)) {
			set[c] = true
		}
	} else {
		for _, c := range weighted(r, infraComponents, infraWeight, between(r, 2, 10)) {
			set[c] = true
		}
	}
	var out []string
	for _, c := range append(append([]string(nil), infraComponents...), serverlessComponents...) {
		if set[c] {
			out = append(out, c)
		}
	}
	return out
}

// weighted draws n distinct names, each with probability proportional to
// its weight among those left.
func weighted(r *rand.Rand, names []string, w map[string]float64, n int) []string {
	left := append([]string(nil), names...)
	var out []string
	for len(out) < n && len(left) > 0 {
		total := 0.0
		for _, x := range left {
			total += w[x]
		}
		v := r.Float64() * total
		i := 0
		for ; i < len(left)-1; i++ {
			v -= w[left[i]]
			if v < 0 {
				break
			}
		}
		out = append(out, left[i])
		left = append(left[:i], left[i+1:]...)
	}
	return out
}

// trim keeps n components. Serverless components come last, and
// functions, which the others call, goes only after them.
func trim(comps []string, n int) []string {
	for len(comps) > n {
		comps = comps[:len(comps)-1]
	}
	return comps
}

// pad gives extra files (components) to the last roots, one each, so that
// the total comes out exact. extra is less than coreFiles+1, and a root
// never has every infrastructure component.
func pad(plans []rootPlan, extra int) []rootPlan {
	for i := len(plans) - 1; extra > 0 && len(plans) > 0; i-- {
		if i < 0 {
			i = len(plans) - 1
		}
		for _, c := range infraComponents {
			if !plans[i].has(c) {
				plans[i].comps = insertOrdered(plans[i].comps, c)
				extra--
				break
			}
		}
	}
	return plans
}

// insertOrdered adds c to comps keeping the generation order.
func insertOrdered(comps []string, c string) []string {
	order := map[string]int{}
	for i, x := range append(append([]string(nil), infraComponents...), serverlessComponents...) {
		order[x] = i
	}
	out := append(append([]string(nil), comps...), c)
	sort.SliceStable(out, func(i, j int) bool { return order[out[i]] < order[out[j]] })
	return out
}

// variable is one input variable of a root module.
type variable struct {
	name, typ, desc string
	def             string // HCL default; empty for none
	tfvars          string // HCL value in terraform.tfvars; empty for none
	sensitive       bool
	validation      string // a validation block body
}

type output struct {
	name, value, desc string
	sensitive         bool
}

// fnRef is a Lambda function of a root module that other components wire
// triggers to.
type fnRef struct {
	key                     string
	name, arn, invoke, role string // expressions
}

// rootGen generates one root module.
type rootGen struct {
	g    *gen
	plan rootPlan
	rng  *rand.Rand
	dir  string

	region, account string

	vars    []*variable
	varIdx  map[string]*variable
	locals  []string // core locals (lines), in main.tf
	datas   []string // core data blocks, in main.tf
	dataIdx map[string]bool
	outputs []output
	random  bool // the random provider is used

	// Shared wiring decided before the components are written.
	vpcStyle  string // "module", "registry", "inline" or "" (looked up)
	kmsStyle  string // "module", "inline" or "" (variable)
	functions []fnRef
	vpcFns    bool // functions run in the VPC
}

func (g *gen) writeRoot(p rootPlan) error {
	r := &rootGen{
		g:       g,
		plan:    p,
		rng:     newRand(g.opts.Seed, "root/"+p.env+"/"+p.service),
		dir:     "envs/" + p.env + "/" + p.service,
		region:  envRegion[p.env],
		account: envAccount[p.env],
		varIdx:  map[string]*variable{},
		dataIdx: map[string]bool{},
	}
	g.stats.RootModules++
	r.setup()
	type out struct {
		name string
		data []byte
	}
	var files []out
	for _, c := range p.comps {
		name, data := r.component(c)
		files = append(files, out{name, data})
	}
	files = append(files,
		out{"main.tf", r.mainFile()},
		out{"variables.tf", r.variablesFile()},
		out{"outputs.tf", r.outputsFile()},
		out{"versions.tf", r.versionsFile()},
	)
	files = append(files, out{"terraform.tfvars", r.tfvarsFile()})
	if p.lock {
		files = append(files, out{".terraform.lock.hcl", r.lockFile()})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	for _, f := range files {
		if err := g.file(r.dir+"/"+f.name, f.data); err != nil {
			return err
		}
	}
	return nil
}

// setup decides the wiring between components.
func (r *rootGen) setup() {
	r.addVar(&variable{name: "region", typ: "string", desc: "AWS region of the stack.", tfvars: q(r.region)})
	r.addVar(&variable{
		name: "environment", typ: "string", desc: "Deployment environment.", tfvars: q(r.plan.env),
		validation: `condition     = contains(["dev", "staging", "prod", "qa", "sandbox", "perf", "uat", "dr"], var.environment)
error_message = "The environment must be one of dev, staging, prod, qa, sandbox, perf, uat or dr."`,
	})
	r.addVar(&variable{name: "service", typ: "string", desc: "Service name, used in resource names.", def: q(r.plan.service)})
	r.addVar(&variable{name: "owner", typ: "string", desc: "Team owning the service.", def: q(pick(r.rng, []string{"platform", "payments-team", "core-services", "data-eng", "growth", "sre"}))})
	r.addVar(&variable{name: "cost_center", typ: "string", desc: "Cost center for billing reports.", tfvars: q(fmt.Sprintf("CC-%04d", r.rng.IntN(10000)))})
	r.addVar(&variable{name: "tags", typ: "map(string)", desc: "Extra tags for every resource.", def: "{}"})
	if chance(r.rng, 0.5) {
		r.addVar(&variable{name: "deploy_role_arn", typ: "string", desc: "Role assumed by Terraform.", tfvars: q("arn:aws:iam::" + r.account + ":role/terraform-deploy")})
	}

	switch {
	case r.plan.has("network"):
		r.vpcStyle = pick(r.rng, []string{"module", "module", "module", "registry", "inline", "inline"})
	default:
		r.vpcStyle = ""
	}
	if r.plan.has("kms") {
		r.kmsStyle = pick(r.rng, []string{"module", "inline"})
	}
	if r.plan.has("functions") {
		keys := sample(r.rng, []string{"api", "processor", "ingest", "notifier", "scheduler", "exporter", "resizer", "webhook", "sync", "reporter"}, between(r.rng, 1, 3))
		for _, k := range keys {
			m := "module.fn_" + k
			r.functions = append(r.functions, fnRef{key: k, name: m + ".function_name", arn: m + ".arn", invoke: m + ".invoke_arn", role: m + ".role_name"})
		}
		r.vpcFns = chance(r.rng, 0.35)
	}
}

func (r *rootGen) addVar(v *variable) {
	if r.varIdx[v.name] != nil {
		return
	}
	r.varIdx[v.name] = v
	r.vars = append(r.vars, v)
}

func (r *rootGen) addOutput(name, value, desc string) {
	r.outputs = append(r.outputs, output{name: name, value: value, desc: desc})
}

func (r *rootGen) addData(key, block string) {
	if r.dataIdx[key] {
		return
	}
	r.dataIdx[key] = true
	r.datas = append(r.datas, block)
}

// mod returns the source of a shared module, choosing one of its versions.
func (r *rootGen) mod(kind string) string {
	return "../../../modules/" + r.g.lib.dir(kind, r.rng.IntN(len(r.g.lib.versions[kind])))
}

// fn returns a function of the root for a trigger.
func (r *rootGen) fn() fnRef { return pick(r.rng, r.functions) }

func (r *rootGen) vpcID() string {
	switch r.vpcStyle {
	case "module", "registry":
		return "module.vpc.vpc_id"
	case "inline":
		return "aws_vpc.main.id"
	}
	r.lookupVPC()
	return "data.aws_vpc.shared.id"
}

func (r *rootGen) vpcCIDR() string {
	if r.vpcStyle != "" {
		return "var.vpc_cidr"
	}
	r.lookupVPC()
	return "data.aws_vpc.shared.cidr_block"
}

func (r *rootGen) privateSubnets() string {
	switch r.vpcStyle {
	case "module":
		return "module.vpc.private_subnet_ids"
	case "registry":
		return "module.vpc.private_subnets"
	case "inline":
		return "aws_subnet.private[*].id"
	}
	r.lookupVPC()
	return "data.aws_subnets.private.ids"
}

func (r *rootGen) publicSubnets() string {
	switch r.vpcStyle {
	case "module":
		return "module.vpc.public_subnet_ids"
	case "registry":
		return "module.vpc.public_subnets"
	case "inline":
		return "aws_subnet.public[*].id"
	}
	r.lookupVPC()
	return "data.aws_subnets.public.ids"
}

// lookupVPC adds the data sources that find a VPC created by another
// stack.
func (r *rootGen) lookupVPC() {
	r.addVar(&variable{name: "vpc_name", typ: "string", desc: "Name tag of the shared VPC.", tfvars: q("core-" + r.plan.env)})
	r.addData("vpc", t(`
data "aws_vpc" "shared" {
  tags = {
    Name = var.vpc_name
  }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.shared.id]
  }
  tags = {
    Tier = "private"
  }
}

data "aws_subnets" "public" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.shared.id]
  }
  tags = {
    Tier = "public"
  }
}`))
}

func (r *rootGen) kms() string {
	switch r.kmsStyle {
	case "module":
		return "module.kms.key_arn"
	case "inline":
		return "aws_kms_key.main.arn"
	}
	r.addVar(&variable{name: "kms_key_arn", typ: "string", desc: "KMS key shared by the account's stacks.",
		tfvars: q(fmt.Sprintf("arn:aws:kms:%s:%s:key/%s", r.region, r.account, r.uuid()))})
	return "var.kms_key_arn"
}

func (r *rootGen) alarmActions() string {
	if r.plan.has("monitoring") {
		return "[aws_sns_topic.alerts.arn]"
	}
	r.addVar(&variable{name: "alarm_actions", typ: "list(string)", desc: "Where alarms notify.",
		tfvars: qlist([]string{fmt.Sprintf("arn:aws:sns:%s:%s:ops-alerts", r.region, r.account)})})
	return "var.alarm_actions"
}

// uuid returns a random UUID-shaped string.
func (r *rootGen) uuid() string {
	const digits = "0123456789abcdef"
	b := make([]byte, 32)
	for i := range b {
		b[i] = digits[r.rng.IntN(len(digits))]
	}
	return fmt.Sprintf("%s-%s-%s-%s-%s", b[0:8], b[8:12], b[12:16], b[16:20], b[20:32])
}

func (r *rootGen) mainFile() []byte {
	w := &hb{}
	w.add(`
data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

data "aws_partition" "current" {}`)
	for _, d := range r.datas {
		w.add(d)
	}
	w.f("locals {")
	w.f(`name_prefix = "${var.service}-${var.environment}"`)
	w.f("account_id = data.aws_caller_identity.current.account_id")
	w.f("region = data.aws_region.current.name")
	w.f("partition = data.aws_partition.current.partition")
	w.f(`is_production = startswith(var.environment, "prod")`)
	w.f("")
	w.f(`common_tags = merge(var.tags, {
Service     = var.service
Environment = var.environment
Owner       = var.owner
CostCenter  = var.cost_center
ManagedBy   = "terraform"
Repository  = "acme/infrastructure"
})`)
	for _, l := range r.locals {
		w.f("%s", l)
	}
	w.f("}")
	return w.bytes()
}

func (r *rootGen) variablesFile() []byte {
	w := &hb{}
	for _, v := range r.vars {
		w.f("variable %q {", v.name)
		w.f("description = %q", v.desc)
		w.f("type = %s", v.typ)
		if v.def != "" {
			w.f("default = %s", v.def)
		}
		if v.sensitive {
			w.f("sensitive = true")
		}
		if v.validation != "" {
			w.f("")
			w.f("validation {")
			w.f("%s", v.validation)
			w.f("}")
		}
		w.f("}")
		w.f("")
	}
	return w.bytes()
}

func (r *rootGen) outputsFile() []byte {
	w := &hb{}
	w.add(`
output "name_prefix" {
  description = "Prefix of every resource name."
  value       = local.name_prefix
}`)
	for _, o := range r.outputs {
		w.f("output %q {", o.name)
		w.f("description = %q", o.desc)
		w.f("value = %s", o.value)
		if o.sensitive {
			w.f("sensitive = true")
		}
		w.f("}")
		w.f("")
	}
	return w.bytes()
}

func (r *rootGen) versionsFile() []byte {
	w := &hb{}
	random := ""
	if r.random {
		random = `
random = {
  source  = "hashicorp/random"
  version = "~> 3.6"
}`
	}
	w.add(`
terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }{{random}}
  }

  backend "s3" {
    bucket         = "acme-terraform-state-{{account}}"
    key            = "{{env}}/{{service}}/terraform.tfstate"
    region         = "{{region}}"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}`, "random", random, "account", r.account, "env", r.plan.env, "service", r.plan.service, "region", r.region)
	assume := ""
	if r.varIdx["deploy_role_arn"] != nil {
		assume = `
assume_role {
  role_arn     = var.deploy_role_arn
  session_name = "terraform-${var.service}"
}
`
	}
	w.add(`
provider "aws" {
  region = var.region
{{assume}}
  default_tags {
    tags = {
      Service     = var.service
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}`, "assume", assume)
	if r.plan.has("dns") {
		w.add(`
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}`)
	}
	return w.bytes()
}

func (r *rootGen) tfvarsFile() []byte {
	w := &hb{}
	for _, v := range r.vars {
		if v.tfvars != "" {
			w.f("%s = %s", v.name, v.tfvars)
		}
	}
	return w.bytes()
}

// lockFile writes a provider lock file with made-up hashes.
func (r *rootGen) lockFile() []byte {
	w := &hb{}
	w.f("# This file is maintained automatically by \"terraform init\".")
	w.f("# Manual edits may be lost in future updates.")
	w.f("")
	providers := [][3]string{{"aws", "5.64.0", "~> 5.60"}}
	if r.random {
		providers = append(providers, [3]string{"random", "3.6.2", "~> 3.6"})
	}
	for _, p := range providers {
		w.f("provider %q {", "registry.terraform.io/hashicorp/"+p[0])
		w.f("version = %q", p[1])
		w.f("constraints = %q", p[2])
		w.f("hashes = [")
		for i := 0; i < 6; i++ {
			sum := sha256.Sum256(fmt.Appendf(nil, "%s/%s/%d", p[0], p[1], i))
			prefix := "zh:"
			val := fmt.Sprintf("%x", sum)
			if i == 0 {
				prefix = "h1:"
				val = base64.StdEncoding.EncodeToString(sum[:])
			}
			w.f("%q,", prefix+val)
		}
		w.f("]")
		w.f("}")
		w.f("")
	}
	return w.bytes()
}

// component writes one component file.
func (r *rootGen) component(c string) (string, []byte) {
	w := &hb{}
	switch c {
	case "kms":
		r.compKMS(w)
	case "network":
		r.compNetwork(w)
	case "security":
		r.compSecurity(w)
	case "iam":
		r.compIAM(w)
	case "storage":
		r.compStorage(w)
	case "database":
		r.compDatabase(w)
	case "cache":
		r.compCache(w)
	case "ecr":
		r.compECR(w)
	case "ecs":
		r.compECS(w)
	case "alb":
		r.compALB(w)
	case "compute":
		r.compCompute(w)
	case "dns":
		r.compDNS(w)
	case "backup":
		r.compBackup(w)
	case "params":
		if chance(r.rng, 0.35) {
			return "parameters.tf.json", r.compParamsJSON()
		}
		r.compParams(w)
		return "parameters.tf", w.bytes()
	case "monitoring":
		r.compMonitoring(w)
	case "functions":
		r.compFunctions(w)
		return "lambda.tf", w.bytes()
	case "workers":
		r.compWorkers(w)
		return "queues.tf", w.bytes()
	case "streams":
		r.compStreams(w)
	case "api":
		r.compAPI(w)
	case "events":
		r.compEvents(w)
	case "alarms":
		r.compAlarms(w)
	default:
		panic("benchgen: unknown component " + c)
	}
	return c + ".tf", w.bytes()
}

// hclMap renders a map of already-rendered HCL values, one per line, in
// key order.
func hclMap(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("{\n")
	for _, k := range keys {
		key := k
		if strings.ContainsAny(k, "-./ ") {
			key = q(k)
		}
		fmt.Fprintf(&b, "%s = %s\n", key, m[k])
	}
	b.WriteString("}")
	return b.String()
}
