package benchgen

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Infrastructure components of root modules: the resources that make up
// most of a real repository and that spillway's rules do not look at.

func (r *rootGen) compKMS(w *hb) {
	w.comment("Encryption keys of the stack.")
	if r.kmsStyle == "module" {
		w.add(`
module "kms" {
  source = "{{src}}"

  alias               = "${local.name_prefix}-main"
  description         = "Main key of ${var.service} in ${var.environment}"
  enable_key_rotation = true
  service_principals  = ["logs.${local.region}.amazonaws.com", "sns.amazonaws.com", "sqs.amazonaws.com", "events.amazonaws.com"]
  tags                = local.common_tags
}`, "src", r.mod("kms-key"))
	} else {
		w.add(`
resource "aws_kms_key" "main" {
  description             = "Main key of ${var.service} in ${var.environment}"
  deletion_window_in_days = local.is_production ? 30 : 7
  enable_key_rotation     = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogs"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.amazonaws.com" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = { "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:*" }
        }
      },
    ]
  })
  tags = local.common_tags
}

resource "aws_kms_alias" "main" {
  name          = "alias/${local.name_prefix}-main"
  target_key_id = aws_kms_key.main.key_id
}`)
	}
	keys := sample(r.rng, []string{"backups", "secrets", "exports", "audit", "uploads"}, between(r.rng, 1, 3))
	r.addVar(&variable{name: "extra_kms_keys", typ: "set(string)", desc: "Purposes that get their own key.", tfvars: qlist(keys)})
	w.add(`
resource "aws_kms_key" "extra" {
  for_each                = var.extra_kms_keys
  description             = "${title(each.key)} key of ${var.service} in ${var.environment}"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  multi_region            = each.key == "backups"
  tags                    = merge(local.common_tags, { Purpose = each.key })
}

resource "aws_kms_alias" "extra" {
  for_each      = aws_kms_key.extra
  name          = "alias/${local.name_prefix}-${each.key}"
  target_key_id = each.value.key_id
}

resource "aws_kms_key_policy" "extra" {
  for_each = aws_kms_key.extra
  key_id   = each.value.key_id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountAdmin"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "DenyOutsideOrganization"
        Effect    = "Deny"
        Principal = "*"
        Action    = ["kms:Decrypt", "kms:ReEncryptFrom"]
        Resource  = "*"
        Condition = {
          StringNotEquals = { "aws:PrincipalOrgID" = var.organization_id }
        }
      },
    ]
  })
}`)
	r.addVar(&variable{name: "organization_id", typ: "string", desc: "AWS Organization of the company.", def: q("o-a1b2c3d4e5")})
	if chance(r.rng, 0.5) {
		w.add(`
resource "aws_kms_grant" "readers" {
  for_each          = toset(var.kms_reader_roles)
  name              = "${local.name_prefix}-${each.key}"
  key_id            = {{key}}
  grantee_principal = "arn:${local.partition}:iam::${local.account_id}:role/${each.key}"
  operations        = ["Decrypt", "DescribeKey"]
}`, "key", r.kms())
		r.addVar(&variable{name: "kms_reader_roles", typ: "list(string)", desc: "Roles of other stacks allowed to decrypt.", def: "[]",
			tfvars: qlist(sample(r.rng, []string{"analytics-reader", "backup-operator", "audit-reader", "support-readonly"}, between(r.rng, 1, 2)))})
	}
	r.addOutput("kms_key_arn", r.kms(), "ARN of the main KMS key.")
	r.addOutput("extra_kms_key_arns", "{ for k, key in aws_kms_key.extra : k => key.arn }", "ARNs of the purpose-specific keys.")
}

func (r *rootGen) compNetwork(w *hb) {
	cidr := fmt.Sprintf("10.%d.0.0/16", r.rng.IntN(250))
	azs := []string{r.region + "a", r.region + "b", r.region + "c"}[:between(r.rng, 2, 3)]
	r.addVar(&variable{name: "vpc_cidr", typ: "string", desc: "CIDR block of the VPC.", tfvars: q(cidr)})
	r.addVar(&variable{name: "azs", typ: "list(string)", desc: "Availability zones used.", tfvars: qlist(azs)})
	r.addVar(&variable{name: "enable_nat_gateway", typ: "bool", desc: "Give private subnets internet access.", def: "true", tfvars: btoa(r.plan.env != "sandbox")})
	w.comment("Network of the stack.")
	switch r.vpcStyle {
	case "module":
		w.add(`
module "vpc" {
  source = "{{src}}"

  name                    = local.name_prefix
  cidr_block              = var.vpc_cidr
  azs                     = var.azs
  enable_nat_gateway      = var.enable_nat_gateway
  single_nat_gateway      = !local.is_production
  create_database_subnets = {{db}}
  enable_flow_logs        = local.is_production
  tags                    = local.common_tags
}`, "src", r.mod("vpc"), "db", btoa(r.plan.has("database")))
	case "registry":
		w.add(`
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.8"

  name = local.name_prefix
  cidr = var.vpc_cidr
  azs  = var.azs

  private_subnets  = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 4, i)]
  public_subnets   = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 4, i + 8)]
  database_subnets = [for i, az in var.azs : cidrsubnet(var.vpc_cidr, 6, i + 48)]

  enable_nat_gateway     = var.enable_nat_gateway
  single_nat_gateway     = !local.is_production
  one_nat_gateway_per_az = local.is_production
  enable_dns_hostnames   = true
  enable_dns_support     = true

  enable_flow_log                      = true
  create_flow_log_cloudwatch_log_group = true
  create_flow_log_cloudwatch_iam_role  = true

  private_subnet_tags = { Tier = "private" }
  public_subnet_tags  = { Tier = "public" }
  tags                = local.common_tags
}`)
	default:
		w.add(`
resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = merge(local.common_tags, { Name = local.name_prefix })
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id
  tags   = merge(local.common_tags, { Name = local.name_prefix })
}

resource "aws_subnet" "public" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index + 8)
  tags              = merge(local.common_tags, { Name = "${local.name_prefix}-public-${count.index}", Tier = "public" })
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  tags              = merge(local.common_tags, { Name = "${local.name_prefix}-private-${count.index}", Tier = "private" })
}

resource "aws_eip" "nat" {
  count  = var.enable_nat_gateway ? 1 : 0
  domain = "vpc"
  tags   = merge(local.common_tags, { Name = "${local.name_prefix}-nat" })
}

resource "aws_nat_gateway" "main" {
  count         = var.enable_nat_gateway ? 1 : 0
  allocation_id = aws_eip.nat[0].id
  subnet_id     = aws_subnet.public[0].id
  tags          = merge(local.common_tags, { Name = "${local.name_prefix}-nat" })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-public" })
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  dynamic "route" {
    for_each = var.enable_nat_gateway ? [1] : []
    content {
      cidr_block     = "0.0.0.0/0"
      nat_gateway_id = aws_nat_gateway.main[0].id
    }
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-private" })
}

resource "aws_route_table_association" "public" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  count          = length(var.azs)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}`)
	}
	endpoints := sample(r.rng, []string{"ssm", "ssmmessages", "ec2messages", "secretsmanager", "logs", "sts", "ecr.api", "ecr.dkr", "kms", "sqs"}, between(r.rng, 2, 5))
	r.addVar(&variable{name: "interface_endpoints", typ: "set(string)", desc: "Services reached through interface endpoints.", def: "[]", tfvars: qlist(endpoints)})
	w.add(`
resource "aws_security_group" "endpoints" {
  name        = "${local.name_prefix}-endpoints"
  description = "HTTPS to the interface endpoints from inside the VPC"
  vpc_id      = {{vpc}}

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-endpoints" })
}

resource "aws_vpc_endpoint" "interface" {
  for_each            = var.interface_endpoints
  vpc_id              = {{vpc}}
  service_name        = "com.amazonaws.${var.region}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = {{subnets}}
  security_group_ids  = [aws_security_group.endpoints.id]
  tags                = merge(local.common_tags, { Name = "${local.name_prefix}-${replace(each.key, ".", "-")}" })
}`, "vpc", r.vpcID(), "subnets", r.privateSubnets())
	if chance(r.rng, 0.5) {
		w.add(`
resource "aws_route53_zone" "private" {
  name = "${var.service}.${var.environment}.internal"

  vpc {
    vpc_id = {{vpc}}
  }

  tags = local.common_tags
}`, "vpc", r.vpcID())
		r.addOutput("private_zone_id", "aws_route53_zone.private.zone_id", "Private hosted zone of the stack.")
	}
	r.addOutput("vpc_id", r.vpcID(), "VPC of the stack.")
	r.addOutput("private_subnet_ids", r.privateSubnets(), "Private subnets.")
}

func (r *rootGen) compSecurity(w *hb) {
	cidr := r.vpcCIDR()
	w.comment("Security groups of the application tier.")
	ports := sample(r.rng, []int{80, 443, 8080, 8443, 9090, 5432, 6379, 9200}, between(r.rng, 1, 4))
	var rules []string
	for _, p := range ports {
		rules = append(rules, fmt.Sprintf("{\ndescription = \"port %d from the VPC\"\nfrom_port = %d\nto_port = %d\nprotocol = \"tcp\"\ncidr_blocks = [%s]\n},", p, p, p, cidr))
	}
	w.add(`
locals {
  app_ingress = [
{{rules}}
  ]
}

resource "aws_security_group" "app" {
  name        = "${local.name_prefix}-app"
  description = "Application instances of ${var.service}"
  vpc_id      = {{vpc}}

  dynamic "ingress" {
    for_each = local.app_ingress
    content {
      description = ingress.value.description
      from_port   = ingress.value.from_port
      to_port     = ingress.value.to_port
      protocol    = ingress.value.protocol
      cidr_blocks = ingress.value.cidr_blocks
    }
  }

  egress {
    description = "All outbound traffic"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-app" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "internal" {
  name        = "${local.name_prefix}-internal"
  description = "Traffic between the members of ${var.service}"
  vpc_id      = {{vpc}}

  dynamic "ingress" {
    for_each = var.internal_ports
    content {
      description = "Port ${ingress.value} between members"
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      self        = true
    }
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-internal" })
}

resource "aws_vpc_security_group_ingress_rule" "app_from_internal" {
  security_group_id            = aws_security_group.app.id
  referenced_security_group_id = aws_security_group.internal.id
  from_port                    = 8080
  to_port                      = 8080
  ip_protocol                  = "tcp"
  description                  = "Internal callers"
}`, "rules", strings.Join(rules, "\n"), "vpc", r.vpcID())
	internal := sample(r.rng, []string{"7946", "8300", "8301", "9100", "9300", "5701"}, between(r.rng, 1, 3))
	r.addVar(&variable{name: "internal_ports", typ: "list(number)", desc: "Ports open between members of the service.", def: "[]", tfvars: "[" + strings.Join(internal, ", ") + "]"})
	if chance(r.rng, 0.6) {
		groups := map[string]string{}
		for _, n := range sample(r.rng, []string{"monitoring", "bastion", "batch", "partners", "vpn"}, between(r.rng, 1, 3)) {
			ps := sample(r.rng, []string{"22", "443", "9100", "3000", "8443"}, between(r.rng, 1, 2))
			groups[n] = fmt.Sprintf("{\ndescription = %q\nports = [%s]\n}", "Access for "+n, strings.Join(ps, ", "))
		}
		r.addVar(&variable{name: "extra_security_groups", typ: "map(object({\ndescription = string\nports = list(number)\n}))",
			desc: "Additional security groups by name.", def: "{}", tfvars: hclMap(groups)})
		w.add(`
module "extra_sg" {
  source   = "{{src}}"
  for_each = var.extra_security_groups

  name        = "${local.name_prefix}-${each.key}"
  description = each.value.description
  vpc_id      = {{vpc}}
  ingress_rules = [for p in each.value.ports : {
    description = "${each.key} port ${p}"
    from_port   = p
    to_port     = p
    cidr_blocks = [{{cidr}}]
  }]
  tags = local.common_tags
}`, "src", r.mod("security-group"), "vpc", r.vpcID(), "cidr", cidr)
		r.addOutput("extra_security_group_ids", "{ for k, m in module.extra_sg : k => m.id }", "Additional security groups.")
	}
	r.addOutput("app_security_group_id", "aws_security_group.app.id", "Security group of the application tier.")
}

func (r *rootGen) compIAM(w *hb) {
	w.comment("Roles used by CI and by the service's workloads.")
	r.addVar(&variable{name: "github_repository", typ: "string", desc: "Repository allowed to deploy.", def: q("acme/" + r.plan.service)})
	w.add(`
data "aws_iam_policy_document" "ci_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:*"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${local.name_prefix}-deploy"
  assume_role_policy   = data.aws_iam_policy_document.ci_assume.json
  max_session_duration = 3600
  tags                 = local.common_tags
}

resource "aws_iam_policy" "deploy" {
  name        = "${local.name_prefix}-deploy"
  description = "What CI may change in ${var.service}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Artifacts"
        Effect   = "Allow"
        Action   = ["s3:PutObject", "s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:${local.partition}:s3:::${local.name_prefix}-artifacts", "arn:${local.partition}:s3:::${local.name_prefix}-artifacts/*"]
      },
      {
        Sid      = "Deploy"
        Effect   = "Allow"
        Action   = {{actions}}
        Resource = "*"
        Condition = {
          StringEquals = { "aws:ResourceTag/Service" = var.service }
        }
      },
    ]
  })
  tags = local.common_tags
}

resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy.arn
}`, "actions", qlist(sample(r.rng, []string{"lambda:UpdateFunctionCode", "ecs:UpdateService", "ecs:RegisterTaskDefinition", "cloudfront:CreateInvalidation", "ssm:PutParameter", "autoscaling:StartInstanceRefresh"}, between(r.rng, 2, 4))))
	roles := map[string]string{}
	catalog := map[string]string{
		"app":       `{ services = ["ec2.amazonaws.com"], managed = { ssm = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore" }, instance_profile = true }`,
		"batch":     `{ services = ["batch.amazonaws.com"], managed = { batch = "arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole" }, instance_profile = false }`,
		"scheduler": `{ services = ["scheduler.amazonaws.com"], managed = {}, instance_profile = false }`,
		"glue":      `{ services = ["glue.amazonaws.com"], managed = { glue = "arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole" }, instance_profile = false }`,
		"firehose":  `{ services = ["firehose.amazonaws.com"], managed = {}, instance_profile = false }`,
	}
	for _, k := range sample(r.rng, []string{"app", "batch", "scheduler", "glue", "firehose"}, between(r.rng, 1, 3)) {
		roles[k] = catalog[k]
	}
	w.add(`
locals {
  service_roles = {{roles}}
}

module "roles" {
  source   = "{{src}}"
  for_each = local.service_roles

  name                    = "${local.name_prefix}-${each.key}"
  description             = "${title(each.key)} role of ${var.service}"
  trusted_services        = each.value.services
  managed_policy_arns     = each.value.managed
  create_instance_profile = each.value.instance_profile
  inline_policies = {
    read-config = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParametersByPath"]
        Resource = "arn:${local.partition}:ssm:${local.region}:${local.account_id}:parameter/${var.service}/${var.environment}/*"
      }]
    })
  }
  tags = local.common_tags
}`, "roles", hclMap(roles), "src", r.mod("iam-role"))
	r.addOutput("deploy_role_arn", "aws_iam_role.deploy.arn", "Role assumed by CI.")
	r.addOutput("service_role_arns", "{ for k, m in module.roles : k => m.arn }", "Workload roles.")
}

func (r *rootGen) compStorage(w *hb) {
	w.comment("Buckets of the service.")
	buckets := map[string]string{}
	for _, b := range sample(r.rng, []string{"data", "exports", "artifacts", "reports", "archive", "assets", "backups", "raw", "curated"}, between(r.rng, 1, 4)) {
		var attrs []string
		if chance(r.rng, 0.3) {
			attrs = append(attrs, "versioning = false")
		}
		if chance(r.rng, 0.6) {
			attrs = append(attrs, fmt.Sprintf("expiration_days = %d", pick(r.rng, []int{30, 90, 180, 365, 730})))
		}
		if chance(r.rng, 0.4) {
			attrs = append(attrs, fmt.Sprintf("transition_days = %d", pick(r.rng, []int{30, 60, 90})))
		}
		buckets[b] = obj(attrs)
	}
	r.addVar(&variable{name: "buckets", typ: "map(object({\nversioning = optional(bool, true)\nexpiration_days = optional(number)\ntransition_days = optional(number)\n}))",
		desc: "Buckets to create, by purpose.", def: "{}", tfvars: hclMap(buckets)})
	w.add(`
locals {
  access_log_bucket = "${local.name_prefix}-access-logs-${local.account_id}"
}

resource "aws_s3_bucket" "access_logs" {
  bucket        = local.access_log_bucket
  force_destroy = !local.is_production
  tags          = local.common_tags
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  bucket                  = aws_s3_bucket.access_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id

  rule {
    id     = "expire"
    status = "Enabled"

    filter {}

    expiration {
      days = local.is_production ? 365 : 30
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "S3ServerAccessLogs"
      Effect    = "Allow"
      Principal = { Service = "logging.s3.amazonaws.com" }
      Action    = "s3:PutObject"
      Resource  = "${aws_s3_bucket.access_logs.arn}/*"
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })
}

module "buckets" {
  source   = "{{src}}"
  for_each = var.buckets

  bucket_name       = "${local.name_prefix}-${each.key}-${local.account_id}"
  versioning        = each.value.versioning
  kms_key_arn       = {{kms}}
  access_log_bucket = local.access_log_bucket
  force_destroy     = !local.is_production
  lifecycle_rules = each.value.expiration_days == null && each.value.transition_days == null ? [] : [{
    id              = "default"
    expiration_days = each.value.expiration_days
    transition_days = each.value.transition_days
  }]
  tags = merge(local.common_tags, { Purpose = each.key })

  depends_on = [aws_s3_bucket_policy.access_logs]
}`, "src", r.mod("s3-bucket"), "kms", r.kms())
	r.addOutput("bucket_names", "{ for k, b in module.buckets : k => b.bucket_id }", "Buckets by purpose.")
	r.addOutput("access_log_bucket", "aws_s3_bucket.access_logs.bucket", "Bucket receiving access logs.")
}

func (r *rootGen) compDatabase(w *hb) {
	w.comment("PostgreSQL database of the service.")
	class := pick(r.rng, []string{"db.t4g.medium", "db.t4g.large", "db.r6g.large", "db.r6g.xlarge", "db.m6g.large"})
	r.addVar(&variable{name: "create_database", typ: "bool", desc: "Create the database.", def: "true", tfvars: btoa(chance(r.rng, 0.9))})
	r.addVar(&variable{name: "db_instance_class", typ: "string", desc: "Instance class of the database.", def: q("db.t4g.medium"), tfvars: q(class)})
	r.addVar(&variable{name: "db_allocated_storage", typ: "number", desc: "Storage of the database in GiB.", def: "50", tfvars: itoa(pick(r.rng, []int{20, 50, 100, 200, 500}))})
	r.addVar(&variable{name: "db_engine_version", typ: "string", desc: "PostgreSQL version.", def: q("16.3"), tfvars: q(pick(r.rng, []string{"15.7", "16.3", "16.4"}))})
	subnets := r.privateSubnets()
	if r.vpcStyle == "module" && r.plan.has("network") {
		subnets = "module.vpc.database_subnet_ids"
	}
	if r.vpcStyle == "registry" {
		subnets = "module.vpc.database_subnets"
	}
	allowed := "{}"
	if r.plan.has("security") {
		allowed = "{ app = aws_security_group.app.id }"
	}
	w.add(`
module "db" {
  source = "{{src}}"
  count  = var.create_database ? 1 : 0

  identifier                 = "${local.name_prefix}-db"
  engine_version             = var.db_engine_version
  instance_class             = var.db_instance_class
  allocated_storage          = var.db_allocated_storage
  max_allocated_storage      = var.db_allocated_storage * 4
  multi_az                   = local.is_production
  subnet_ids                 = {{subnets}}
  vpc_id                     = {{vpc}}
  allowed_security_group_ids = {{allowed}}
  deletion_protection        = local.is_production
  performance_insights       = local.is_production
  monitoring_interval        = local.is_production ? 60 : 0
  backup_retention_period    = local.is_production ? 14 : 3
  kms_key_arn                = {{kms}}
  alarm_actions              = {{alarms}}
  parameters = {
    "log_min_duration_statement" = "1000"
    "rds.force_ssl"              = "1"
    "shared_preload_libraries"   = "pg_stat_statements"
  }
  tags = local.common_tags
}

resource "aws_ssm_parameter" "db_endpoint" {
  count = var.create_database ? 1 : 0
  name  = "/${var.service}/${var.environment}/db/endpoint"
  type  = "String"
  value = module.db[0].endpoint
  tags  = local.common_tags
}

resource "aws_secretsmanager_secret" "app_db" {
  name                    = "${local.name_prefix}/app-db-user"
  description             = "Credentials of the application database user"
  kms_key_id              = {{kms}}
  recovery_window_in_days = local.is_production ? 30 : 0
  tags                    = local.common_tags
}

resource "aws_secretsmanager_secret_policy" "app_db" {
  secret_arn = aws_secretsmanager_secret.app_db.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyOtherAccounts"
      Effect    = "Deny"
      Principal = "*"
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
      Condition = {
        StringNotEquals = { "aws:PrincipalAccount" = local.account_id }
      }
    }]
  })
}`, "src", r.mod("rds-postgres"), "subnets", subnets, "vpc", r.vpcID(), "allowed", allowed, "kms", r.kms(), "alarms", r.alarmActions())
	w.add(`
resource "aws_db_event_subscription" "db" {
  count       = var.create_database ? 1 : 0
  name        = "${local.name_prefix}-db-events"
  sns_topic   = element({{alarms}}, 0)
  source_type = "db-instance"
  source_ids  = ["${local.name_prefix}-db"]
  event_categories = [
    "availability",
    "failover",
    "failure",
    "low storage",
    "maintenance",
  ]
  tags = local.common_tags

  depends_on = [module.db]
}`, "alarms", r.alarmActions())
	r.addOutput("db_endpoint", "one(module.db[*].endpoint)", "Endpoint of the database.")
	r.addOutput("db_secret_arn", "aws_secretsmanager_secret.app_db.arn", "Secret of the application database user.")
}

func (r *rootGen) compCache(w *hb) {
	w.comment("Redis cache.")
	r.addVar(&variable{name: "redis_node_type", typ: "string", desc: "Node type of the cache.", def: q("cache.t4g.small"),
		tfvars: q(pick(r.rng, []string{"cache.t4g.small", "cache.t4g.medium", "cache.r6g.large"}))})
	allowed := "{}"
	if r.plan.has("security") {
		allowed = "{ app = aws_security_group.app.id }"
	}
	w.add(`
module "redis" {
  source = "{{src}}"

  name                       = "${local.name_prefix}-redis"
  node_type                  = var.redis_node_type
  num_cache_clusters         = local.is_production ? 3 : 1
  subnet_ids                 = {{subnets}}
  vpc_id                     = {{vpc}}
  allowed_security_group_ids = {{allowed}}
  snapshot_retention_limit   = local.is_production ? 7 : 0
  parameters = {
    "maxmemory-policy" = "allkeys-lru"
    "timeout"          = "300"
  }
  tags = local.common_tags
}

resource "aws_ssm_parameter" "redis_endpoint" {
  name  = "/${var.service}/${var.environment}/redis/endpoint"
  type  = "String"
  value = module.redis.primary_endpoint
  tags  = local.common_tags
}

resource "aws_cloudwatch_metric_alarm" "redis_cpu" {
  alarm_name          = "${local.name_prefix}-redis-cpu"
  namespace           = "AWS/ElastiCache"
  metric_name         = "EngineCPUUtilization"
  dimensions          = { CacheClusterId = "${local.name_prefix}-redis-001" }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 75
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}

resource "aws_cloudwatch_metric_alarm" "redis_memory" {
  alarm_name          = "${local.name_prefix}-redis-memory"
  namespace           = "AWS/ElastiCache"
  metric_name         = "DatabaseMemoryUsagePercentage"
  dimensions          = { CacheClusterId = "${local.name_prefix}-redis-001" }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 85
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}`, "src", r.mod("elasticache-redis"), "subnets", r.privateSubnets(), "vpc", r.vpcID(), "allowed", allowed, "alarms", r.alarmActions())
	r.addOutput("redis_endpoint", "module.redis.primary_endpoint", "Primary endpoint of the cache.")
}

func (r *rootGen) compECR(w *hb) {
	w.comment("Container image repositories.")
	repos := sample(r.rng, []string{"api", "worker", "migrations", "cron", "web", "sidecar"}, between(r.rng, 1, 4))
	r.addVar(&variable{name: "ecr_repositories", typ: "set(string)", desc: "Image repositories.", tfvars: qlist(repos)})
	r.addVar(&variable{name: "ecr_pull_accounts", typ: "list(string)", desc: "Accounts allowed to pull images.", def: "[]",
		tfvars: qlist(sample(r.rng, []string{envAccount["dev"], envAccount["staging"], envAccount["prod"]}, between(r.rng, 1, 3)))})
	w.add(`
resource "aws_ecr_repository" "this" {
  for_each             = var.ecr_repositories
  name                 = "${var.service}/${each.key}"
  image_tag_mutability = "IMMUTABLE"
  force_delete         = !local.is_production

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = {{kms}}
  }

  tags = local.common_tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each   = aws_ecr_repository.this
  repository = each.value.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images after 7 days"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 7
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the last {{keep}} images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = {{keep}}
        }
        action = { type = "expire" }
      },
    ]
  })
}

resource "aws_ecr_repository_policy" "pull" {
  for_each   = aws_ecr_repository.this
  repository = each.value.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CrossAccountPull"
      Effect    = "Allow"
      Principal = { AWS = [for a in var.ecr_pull_accounts : "arn:${local.partition}:iam::${a}:root"] }
      Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
    }]
  })
}`, "kms", r.kms(), "keep", itoa(pick(r.rng, []int{20, 30, 50, 100})))
	r.addOutput("ecr_repository_urls", "{ for k, repo in aws_ecr_repository.this : k => repo.repository_url }", "Image repositories.")
}

func (r *rootGen) compECS(w *hb) {
	w.comment("Containers on Fargate.")
	services := map[string]string{}
	for _, s := range sample(r.rng, []string{"web", "api", "worker", "admin", "scheduler"}, between(r.rng, 1, 3)) {
		attrs := []string{fmt.Sprintf("image = %q", fmt.Sprintf("%s.dkr.ecr.%s.amazonaws.com/%s/%s:%d.%d.%d", r.account, r.region, r.plan.service, s, r.rng.IntN(3)+1, r.rng.IntN(20), r.rng.IntN(10)))}
		if chance(r.rng, 0.5) {
			attrs = append(attrs, fmt.Sprintf("cpu = %d", pick(r.rng, []int{256, 512, 1024, 2048})), fmt.Sprintf("memory = %d", pick(r.rng, []int{1024, 2048, 4096})))
		}
		if s == "web" || s == "api" {
			attrs = append(attrs, "public = true")
		}
		if chance(r.rng, 0.4) {
			attrs = append(attrs, fmt.Sprintf("max = %d", pick(r.rng, []int{4, 8, 12, 20})))
		}
		services[s] = obj(attrs)
	}
	r.addVar(&variable{name: "ecs_services", typ: "map(object({\nimage = string\ncpu = optional(number, 512)\nmemory = optional(number, 1024)\nport = optional(number, 8080)\ndesired = optional(number, 2)\nmax = optional(number, 6)\npublic = optional(bool, false)\n}))",
		desc: "Fargate services by name.", tfvars: hclMap(services)})
	tg, sg := "{}", "{}"
	if r.plan.has("alb") {
		tg = "{ for k, v in { main = module.alb.target_group_arn } : k => v if each.value.public }"
		sg = "{ for k, v in { alb = module.alb.security_group_id } : k => v if each.value.public }"
	}
	secrets := "{}"
	if r.plan.has("database") {
		secrets = "{ DB_CREDENTIALS = aws_secretsmanager_secret.app_db.arn }"
	}
	w.add(`
resource "aws_ecs_cluster" "main" {
  name = local.name_prefix

  setting {
    name  = "containerInsights"
    value = local.is_production ? "enabled" : "disabled"
  }

  configuration {
    execute_command_configuration {
      logging = "DEFAULT"
    }
  }

  tags = local.common_tags
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = local.is_production ? "FARGATE" : "FARGATE_SPOT"
    weight            = 1
  }
}

module "services" {
  source   = "{{src}}"
  for_each = var.ecs_services

  name                       = "${local.name_prefix}-${each.key}"
  cluster_arn                = aws_ecs_cluster.main.arn
  vpc_id                     = {{vpc}}
  subnet_ids                 = {{subnets}}
  image                      = each.value.image
  cpu                        = each.value.cpu
  memory                     = each.value.memory
  container_port             = each.value.port
  desired_count              = each.value.desired
  min_capacity               = local.is_production ? 2 : 1
  max_capacity               = each.value.max
  target_group_arns          = {{tg}}
  ingress_security_group_ids = {{sg}}
  enable_execute_command     = !local.is_production
  environment = {
    ENVIRONMENT = var.environment
    SERVICE     = each.key
    LOG_LEVEL   = local.is_production ? "info" : "debug"
  }
  secrets = {{secrets}}
  task_policy_statements = [{
    Effect   = "Allow"
    Action   = ["s3:GetObject", "s3:PutObject"]
    Resource = ["arn:${local.partition}:s3:::${local.name_prefix}-*/*"]
  }]
  tags = local.common_tags
}`, "src", r.mod("ecs-service"), "vpc", r.vpcID(), "subnets", r.privateSubnets(), "tg", tg, "sg", sg, "secrets", secrets)
	w.add(`
resource "aws_cloudwatch_metric_alarm" "service_cpu" {
  for_each            = var.ecs_services
  alarm_name          = "${local.name_prefix}-${each.key}-cpu"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  dimensions          = { ClusterName = aws_ecs_cluster.main.name, ServiceName = module.services[each.key].service_name }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 85
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}`, "alarms", r.alarmActions())
	r.addOutput("ecs_cluster_name", "aws_ecs_cluster.main.name", "ECS cluster.")
	r.addOutput("ecs_service_names", "{ for k, s in module.services : k => s.service_name }", "ECS services.")
}

func (r *rootGen) compALB(w *hb) {
	w.comment("Public load balancer.")
	cert := "var.certificate_arn"
	if r.plan.has("dns") {
		cert = "aws_acm_certificate_validation.main.certificate_arn"
	} else {
		r.addVar(&variable{name: "certificate_arn", typ: "string", desc: "Certificate of the HTTPS listener.",
			tfvars: q(fmt.Sprintf("arn:aws:acm:%s:%s:certificate/%s", r.region, r.account, r.uuid()))})
	}
	logs := `""`
	if r.plan.has("storage") {
		logs = "aws_s3_bucket.access_logs.bucket"
	}
	r.addVar(&variable{name: "waf_rate_limit", typ: "number", desc: "Requests per 5 minutes per IP before blocking.", def: "2000", tfvars: itoa(pick(r.rng, []int{500, 1000, 2000, 5000}))})
	w.add(`
module "alb" {
  source = "{{src}}"

  name                = substr(local.name_prefix, 0, 32)
  vpc_id              = {{vpc}}
  subnet_ids          = {{subnets}}
  certificate_arn     = {{cert}}
  access_logs_bucket  = {{logs}}
  deletion_protection = local.is_production
  health_check_path   = "/healthz"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}

resource "aws_wafv2_web_acl" "alb" {
  name  = "${local.name_prefix}-alb"
  scope = "REGIONAL"

  default_action {
    allow {}
  }

  rule {
    name     = "rate-limit"
    priority = 1

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit              = var.waf_rate_limit
        aggregate_key_type = "IP"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name_prefix}-rate-limit"
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-common"
    priority = 2

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name_prefix}-common"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${local.name_prefix}-alb"
    sampled_requests_enabled   = true
  }

  tags = local.common_tags
}

resource "aws_wafv2_web_acl_association" "alb" {
  resource_arn = module.alb.arn
  web_acl_arn  = aws_wafv2_web_acl.alb.arn
}`, "src", r.mod("alb"), "vpc", r.vpcID(), "subnets", r.publicSubnets(), "cert", cert, "logs", logs, "alarms", r.alarmActions())
	if r.plan.has("dns") {
		w.add(`
resource "aws_route53_record" "alb" {
  zone_id = data.aws_route53_zone.main.zone_id
  name    = local.public_hostname
  type    = "A"

  alias {
    name                   = module.alb.dns_name
    zone_id                = module.alb.zone_id
    evaluate_target_health = true
  }
}`)
	}
	r.addOutput("alb_dns_name", "module.alb.dns_name", "DNS name of the load balancer.")
}

func (r *rootGen) compCompute(w *hb) {
	w.comment("EC2 fleet for the jobs that do not fit in containers.")
	r.addVar(&variable{name: "fleet_instance_type", typ: "string", desc: "Instance type of the fleet.", def: q("t4g.medium"),
		tfvars: q(pick(r.rng, []string{"t4g.medium", "t4g.large", "m7g.large", "c7g.xlarge"}))})
	r.addVar(&variable{name: "enable_bastion", typ: "bool", desc: "Run a bastion host.", def: "false", tfvars: btoa(chance(r.rng, 0.3))})
	w.add(`
data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-*-arm64"]
  }

  filter {
    name   = "architecture"
    values = ["arm64"]
  }
}

module "fleet" {
  source = "{{src}}"

  name             = "${local.name_prefix}-fleet"
  ami_id           = data.aws_ami.al2023.id
  instance_type    = var.fleet_instance_type
  vpc_id           = {{vpc}}
  subnet_ids       = {{subnets}}
  min_size         = local.is_production ? 2 : 1
  max_size         = local.is_production ? 8 : 2
  desired_capacity = local.is_production ? 2 : 1
  ingress_rules = {
    "metrics scraping" = { port = 9100, cidr_blocks = [{{cidr}}] }
  }
  user_data = <<-EOT
    #!/bin/bash
    set -euo pipefail
    dnf install -y amazon-cloudwatch-agent
    echo "SERVICE=${var.service}" >> /etc/environment
    echo "ENVIRONMENT=${var.environment}" >> /etc/environment
  EOT
  tags      = local.common_tags
}

resource "aws_instance" "bastion" {
  count                       = var.enable_bastion ? 1 : 0
  ami                         = data.aws_ami.al2023.id
  instance_type               = "t4g.nano"
  subnet_id                   = element({{public}}, 0)
  associate_public_ip_address = true
  monitoring                  = true

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted   = true
    volume_size = 8
  }

  tags = merge(local.common_tags, { Name = "${local.name_prefix}-bastion" })
}`, "src", r.mod("asg-fleet"), "vpc", r.vpcID(), "subnets", r.privateSubnets(), "cidr", r.vpcCIDR(), "public", r.publicSubnets())
	w.add(`
resource "aws_cloudwatch_metric_alarm" "fleet_cpu" {
  alarm_name          = "${local.name_prefix}-fleet-cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { AutoScalingGroupName = module.fleet.autoscaling_group_name }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 90
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = {{alarms}}
  tags                = local.common_tags
}`, "alarms", r.alarmActions())
	r.addOutput("fleet_asg_name", "module.fleet.autoscaling_group_name", "Auto Scaling group of the fleet.")
}

func (r *rootGen) compDNS(w *hb) {
	w.comment("Public DNS and certificates.")
	r.addVar(&variable{name: "domain_name", typ: "string", desc: "Public zone of the company.", def: q("example.com")})
	records := map[string]string{}
	for _, n := range sample(r.rng, []string{"docs", "status", "admin", "hooks", "cdn"}, between(r.rng, 0, 3)) {
		records[n] = q(n + ".hosting.example.net")
	}
	r.addVar(&variable{name: "dns_records", typ: "map(string)", desc: "Extra CNAME records by name.", def: "{}", tfvars: hclMap(records)})
	r.locals = append(r.locals, `public_hostname = "${var.service}.${var.environment}.${var.domain_name}"`)
	w.add(`
data "aws_route53_zone" "main" {
  name         = var.domain_name
  private_zone = false
}

resource "aws_acm_certificate" "main" {
  domain_name               = local.public_hostname
  subject_alternative_names = ["*.${local.public_hostname}"]
  validation_method         = "DNS"

  lifecycle {
    create_before_destroy = true
  }

  tags = local.common_tags
}

resource "aws_route53_record" "validation" {
  for_each = {
    for dvo in aws_acm_certificate.main.domain_validation_options : dvo.domain_name => {
      name   = dvo.resource_record_name
      record = dvo.resource_record_value
      type   = dvo.resource_record_type
    }
  }

  allow_overwrite = true
  name            = each.value.name
  records         = [each.value.record]
  ttl             = 60
  type            = each.value.type
  zone_id         = data.aws_route53_zone.main.zone_id
}

resource "aws_acm_certificate_validation" "main" {
  certificate_arn         = aws_acm_certificate.main.arn
  validation_record_fqdns = [for record in aws_route53_record.validation : record.fqdn]
}

resource "aws_route53_record" "cname" {
  for_each = var.dns_records
  zone_id  = data.aws_route53_zone.main.zone_id
  name     = "${each.key}.${local.public_hostname}"
  type     = "CNAME"
  ttl      = 300
  records  = [each.value]
}

resource "aws_route53_health_check" "main" {
  fqdn              = local.public_hostname
  port              = 443
  type              = "HTTPS"
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 30
  tags              = merge(local.common_tags, { Name = local.public_hostname })
}`)
	r.addOutput("certificate_arn", "aws_acm_certificate_validation.main.certificate_arn", "Validated certificate.")
	r.addOutput("public_hostname", "local.public_hostname", "Public host name of the service.")
}

func (r *rootGen) compBackup(w *hb) {
	w.comment("AWS Backup of everything tagged Backup=true.")
	r.addVar(&variable{name: "backup_retention_days", typ: "number", desc: "Days daily backups are kept.", def: "35", tfvars: itoa(pick(r.rng, []int{7, 14, 35, 90}))})
	w.add(`
resource "aws_backup_vault" "main" {
  name          = "${local.name_prefix}-vault"
  kms_key_arn   = {{kms}}
  force_destroy = !local.is_production
  tags          = local.common_tags
}

resource "aws_backup_plan" "main" {
  name = "${local.name_prefix}-plan"

  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 * * ? *)"
    start_window      = 60
    completion_window = 180

    lifecycle {
      delete_after = var.backup_retention_days
    }
  }

  dynamic "rule" {
    for_each = local.is_production ? [1] : []
    content {
      rule_name         = "monthly"
      target_vault_name = aws_backup_vault.main.name
      schedule          = "cron(0 4 1 * ? *)"

      lifecycle {
        cold_storage_after = 30
        delete_after       = 365
      }
    }
  }

  tags = local.common_tags
}

resource "aws_iam_role" "backup" {
  name = "${local.name_prefix}-backup"
  assume_role_policy = `+assumeRolePolicy(`"backup.amazonaws.com"`)+`
  tags = local.common_tags
}

resource "aws_iam_role_policy_attachment" "backup" {
  for_each = {
    backup  = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
    restore = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"
  }
  role       = aws_iam_role.backup.name
  policy_arn = each.value
}

resource "aws_backup_selection" "tagged" {
  name         = "${local.name_prefix}-tagged"
  iam_role_arn = aws_iam_role.backup.arn
  plan_id      = aws_backup_plan.main.id

  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "true"
  }
}`, "kms", r.kms())
	r.addOutput("backup_vault_name", "aws_backup_vault.main.name", "Backup vault.")
}

func (r *rootGen) paramValues() map[string]string {
	vals := map[string]string{}
	for _, k := range sample(r.rng, []string{"log-level", "page-size", "feature-x", "timeout-ms", "upstream-url", "cache-ttl", "max-retries", "region-list"}, between(r.rng, 3, 7)) {
		switch k {
		case "log-level":
			vals[k] = pick(r.rng, []string{"info", "debug", "warn"})
		case "upstream-url":
			vals[k] = "https://" + pick(r.rng, domains) + ".internal.example.com"
		case "feature-x":
			vals[k] = btoa(chance(r.rng, 0.5))
		case "region-list":
			vals[k] = r.region + ",us-east-1"
		default:
			vals[k] = itoa(pick(r.rng, []int{3, 10, 30, 100, 250, 1000, 5000}))
		}
	}
	return vals
}

func (r *rootGen) compParams(w *hb) {
	w.comment("Runtime configuration read by the service at start-up.")
	vals := r.paramValues()
	m := map[string]string{}
	for k, v := range vals {
		m[k] = q(v)
	}
	w.add(`
locals {
  parameters = {{params}}
}

resource "aws_ssm_parameter" "config" {
  for_each = local.parameters
  name     = "/${var.service}/${var.environment}/${each.key}"
  type     = "String"
  value    = each.value
  tags     = local.common_tags
}

resource "aws_ssm_parameter" "secret" {
  for_each = toset(var.secret_parameter_names)
  name     = "/${var.service}/${var.environment}/secrets/${each.key}"
  type     = "SecureString"
  value    = "set-me-in-the-console"
  key_id   = {{kms}}
  tags     = local.common_tags

  lifecycle {
    ignore_changes = [value]
  }
}`, "params", hclMap(m), "kms", r.kms())
	if chance(r.rng, 0.6) {
		w.add(`
resource "aws_appconfig_application" "main" {
  name        = local.name_prefix
  description = "Feature flags of ${var.service}"
  tags        = local.common_tags
}

resource "aws_appconfig_environment" "main" {
  name           = var.environment
  application_id = aws_appconfig_application.main.id
  tags           = local.common_tags
}

resource "aws_appconfig_configuration_profile" "flags" {
  application_id = aws_appconfig_application.main.id
  name           = "feature-flags"
  location_uri   = "hosted"
  type           = "AWS.AppConfig.FeatureFlags"
  tags           = local.common_tags
}

resource "aws_appconfig_hosted_configuration_version" "flags" {
  application_id           = aws_appconfig_application.main.id
  configuration_profile_id = aws_appconfig_configuration_profile.flags.configuration_profile_id
  content_type             = "application/json"
  content = jsonencode({
    version = "1"
    flags = {
      {{flag}} = { name = "{{flag}}" }
    }
    values = {
      {{flag}} = { enabled = {{enabled}} }
    }
  })
}`, "flag", pick(r.rng, []string{"new_checkout", "fast_search", "beta_reports", "dark_mode", "async_export"}), "enabled", btoa(chance(r.rng, 0.5)))
	}
	r.addVar(&variable{name: "secret_parameter_names", typ: "list(string)", desc: "Secrets set by hand after the first apply.", def: "[]",
		tfvars: qlist(sample(r.rng, []string{"api-key", "webhook-secret", "smtp-password", "partner-token", "signing-key"}, between(r.rng, 1, 3)))})
	r.addOutput("parameter_names", "[for p in aws_ssm_parameter.config : p.name]", "Configuration parameters.")
}

// compParamsJSON writes the parameters component in the JSON syntax, as
// tools that generate Terraform do.
func (r *rootGen) compParamsJSON() []byte {
	vals := r.paramValues()
	doc := map[string]any{
		"//": "Generated by config-sync; edit config/" + r.plan.service + ".yaml instead.",
		"locals": map[string]any{
			"generated_parameters": vals,
		},
		"resource": map[string]any{
			"aws_ssm_parameter": map[string]any{
				"generated": map[string]any{
					"for_each": "${local.generated_parameters}",
					"name":     "/${var.service}/${var.environment}/generated/${each.key}",
					"type":     "String",
					"value":    "${each.value}",
					"tier":     "Standard",
					"tags":     "${local.common_tags}",
				},
				"generated_index": map[string]any{
					"name":  "/${var.service}/${var.environment}/generated-index",
					"type":  "StringList",
					"value": "${join(\",\", keys(local.generated_parameters))}",
					"tags":  "${local.common_tags}",
				},
			},
		},
		"output": map[string]any{
			"generated_parameter_names": map[string]any{
				"description": "Generated configuration parameters.",
				"value":       "${[for p in aws_ssm_parameter.generated : p.name]}",
			},
		},
	}
	r.g.countResource("aws_ssm_parameter")
	r.g.countResource("aws_ssm_parameter")
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		panic(err) // maps of strings always marshal
	}
	return append(b, '\n')
}

func (r *rootGen) compMonitoring(w *hb) {
	w.comment("Alerting, logs and the dashboard.")
	emails := []string{r.plan.service + "-oncall@example.com"}
	if chance(r.rng, 0.5) {
		emails = append(emails, "sre@example.com")
	}
	r.addVar(&variable{name: "alert_emails", typ: "list(string)", desc: "Addresses that receive alerts.", def: "[]", tfvars: qlist(emails)})
	r.addVar(&variable{name: "log_retention_days", typ: "number", desc: "Retention of application logs.", def: "30", tfvars: itoa(pick(r.rng, []int{7, 14, 30, 90, 365}))})
	r.addVar(&variable{name: "monthly_budget", typ: "number", desc: "Monthly cost budget in USD.", def: "1000", tfvars: itoa(pick(r.rng, []int{200, 500, 1000, 2500, 10000}))})
	w.add(`
resource "aws_sns_topic" "alerts" {
  name              = "${local.name_prefix}-alerts"
  kms_master_key_id = "alias/aws/sns"
  tags              = local.common_tags
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AlarmsAndEvents"
      Effect    = "Allow"
      Principal = { Service = ["cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com"] }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alerts.arn
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
      }
    }]
  })
}

resource "aws_sns_topic_subscription" "alerts_email" {
  for_each  = toset(var.alert_emails)
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/${local.name_prefix}"
  retention_in_days = var.log_retention_days
  tags              = local.common_tags
}

resource "aws_cloudwatch_log_metric_filter" "errors" {
  name           = "${local.name_prefix}-errors"
  log_group_name = aws_cloudwatch_log_group.app.name
  pattern        = "{ $.level = \"error\" }"

  metric_transformation {
    name      = "ApplicationErrors"
    namespace = "Custom/${var.service}"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "app_errors" {
  alarm_name          = "${local.name_prefix}-application-errors"
  namespace           = "Custom/${var.service}"
  metric_name         = "ApplicationErrors"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alerts.arn]
  tags                = local.common_tags
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = local.name_prefix
  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "metric"
        x      = 0
        y      = 0
        width  = 12
        height = 6
        properties = {
          title   = "Application errors"
          region  = var.region
          stat    = "Sum"
          period  = 300
          metrics = [["Custom/${var.service}", "ApplicationErrors"]]
        }
      },
      {
        type   = "log"
        x      = 12
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "Recent errors"
          region = var.region
          query  = "SOURCE '${aws_cloudwatch_log_group.app.name}' | fields @timestamp, @message | filter level = 'error' | sort @timestamp desc | limit 50"
        }
      },
    ]
  })
}

resource "aws_budgets_budget" "monthly" {
  count        = local.is_production ? 1 : 0
  name         = "${local.name_prefix}-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.monthly_budget)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = [join("$", ["user:Service", var.service])]
  }

  notification {
    comparison_operator       = "GREATER_THAN"
    threshold                 = 80
    threshold_type            = "PERCENTAGE"
    notification_type         = "FORECASTED"
    subscriber_sns_topic_arns = [aws_sns_topic.alerts.arn]
  }
}`)
	r.addOutput("alerts_topic_arn", "aws_sns_topic.alerts.arn", "Topic receiving alarms.")
}
