CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_recipes" (
	"recipe_id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"title" text NOT NULL,
	"title_key" text NOT NULL,
	"title_vector" "tsvector" NOT NULL,
	"document" "tsvector" NOT NULL,
	"summary" text NOT NULL,
	"ingredients" text[] NOT NULL,
	"ingredient_keys" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"cuisine" text,
	"course" text,
	"diets" text[] NOT NULL,
	"total_minutes" integer,
	"servings" real,
	"rating_average" real,
	"rating_count" integer NOT NULL,
	"quality" real NOT NULL,
	"has_photo" boolean NOT NULL,
	"cover_url" text,
	"language" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "search_recipes_visibility_check" CHECK ("search_recipes"."visibility" in ('public', 'followers', 'private'))
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"kind" text NOT NULL,
	"term" text NOT NULL,
	"label" text NOT NULL,
	"recipes" integer NOT NULL,
	"public_recipes" integer NOT NULL,
	CONSTRAINT "search_terms_kind_term_pk" PRIMARY KEY("kind","term"),
	CONSTRAINT "search_terms_kind_check" CHECK ("search_terms"."kind" in ('word', 'ingredient', 'tag', 'cuisine', 'course'))
);
--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_searches_user_idx" ON "saved_searches" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "search_recipes_document_idx" ON "search_recipes" USING gin ("document");--> statement-breakpoint
CREATE INDEX "search_recipes_title_vector_idx" ON "search_recipes" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "search_recipes_ingredient_keys_idx" ON "search_recipes" USING gin ("ingredient_keys");--> statement-breakpoint
CREATE INDEX "search_recipes_tags_idx" ON "search_recipes" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "search_recipes_cuisine_idx" ON "search_recipes" USING btree ("cuisine");--> statement-breakpoint
CREATE INDEX "search_recipes_course_idx" ON "search_recipes" USING btree ("course");--> statement-breakpoint
CREATE INDEX "search_recipes_owner_idx" ON "search_recipes" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "search_recipes_created_idx" ON "search_recipes" USING btree ("created_at","recipe_id");--> statement-breakpoint
CREATE INDEX "search_recipes_quality_idx" ON "search_recipes" USING btree ("quality","recipe_id");--> statement-breakpoint
CREATE INDEX "search_recipes_minutes_idx" ON "search_recipes" USING btree ("total_minutes","recipe_id");--> statement-breakpoint
CREATE INDEX "search_terms_prefix_idx" ON "search_terms" USING btree ("kind","term" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);