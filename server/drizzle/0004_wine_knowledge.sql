CREATE TABLE "wine_classifications" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country_id" text NOT NULL,
	"region_id" text,
	"sort_order" integer NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wine_grapes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"colour" text NOT NULL,
	"body" text NOT NULL,
	"acidity" text NOT NULL,
	"tannin" text,
	"sweetness_from" text NOT NULL,
	"sweetness_to" text NOT NULL,
	"aromas" text[] DEFAULT '{}'::text[] NOT NULL,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"search_keys" text[] NOT NULL,
	"search_text" text NOT NULL,
	"source" text DEFAULT 'shipped' NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone,
	CONSTRAINT "wine_grapes_colour_check" CHECK ("wine_grapes"."colour" in ('red', 'white')),
	CONSTRAINT "wine_grapes_source_check" CHECK ("wine_grapes"."source" in ('shipped', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "wine_knowledge_versions" (
	"dataset" text PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wine_regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_id" text,
	"country_id" text NOT NULL,
	"also_within" text[] DEFAULT '{}'::text[] NOT NULL,
	"alt_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"designation" text,
	"note" text,
	"legal_reference" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"search_keys" text[] NOT NULL,
	"search_text" text NOT NULL,
	"source" text DEFAULT 'shipped' NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone,
	CONSTRAINT "wine_regions_level_check" CHECK ("wine_regions"."level" in ('country', 'region', 'subregion', 'appellation')),
	CONSTRAINT "wine_regions_country_root_check" CHECK (("wine_regions"."level" = 'country') = ("wine_regions"."parent_id" is null)),
	CONSTRAINT "wine_regions_source_check" CHECK ("wine_regions"."source" in ('shipped', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "wine_tasting_guides" (
	"id" text PRIMARY KEY NOT NULL,
	"document" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wine_grapes" ADD CONSTRAINT "wine_grapes_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wine_regions" ADD CONSTRAINT "wine_regions_parent_id_wine_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."wine_regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wine_regions" ADD CONSTRAINT "wine_regions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wine_grapes_colour_idx" ON "wine_grapes" USING btree ("colour","name");--> statement-breakpoint
CREATE INDEX "wine_grapes_region_ids_idx" ON "wine_grapes" USING gin ("region_ids");--> statement-breakpoint
CREATE INDEX "wine_grapes_search_keys_idx" ON "wine_grapes" USING gin ("search_keys");--> statement-breakpoint
CREATE INDEX "wine_grapes_search_text_trgm_idx" ON "wine_grapes" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "wine_regions_parent_idx" ON "wine_regions" USING btree ("parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "wine_regions_country_idx" ON "wine_regions" USING btree ("country_id");--> statement-breakpoint
CREATE INDEX "wine_regions_also_within_idx" ON "wine_regions" USING gin ("also_within");--> statement-breakpoint
CREATE INDEX "wine_regions_search_keys_idx" ON "wine_regions" USING gin ("search_keys");--> statement-breakpoint
CREATE INDEX "wine_regions_search_text_trgm_idx" ON "wine_regions" USING gin ("search_text" gin_trgm_ops);