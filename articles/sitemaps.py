from django.contrib.sitemaps import Sitemap

from .models import Article, Section


class ArticleSitemap(Sitemap):
    changefreq = "hourly"
    limit = 5000

    def items(self):
        return Article.objects.published().select_related("section").order_by("-published_at")

    def lastmod(self, article):
        return article.modified_at


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


sitemaps = {"articles": ArticleSitemap, "sections": SectionSitemap}
