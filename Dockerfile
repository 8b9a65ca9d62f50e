FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY timeline ./timeline
COPY events ./events
RUN pip install --no-cache-dir .
COPY manage.py ./
COPY seeds ./seeds

# Static files are collected at build time and served by whitenoise.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input

EXPOSE 8000
CMD ["gunicorn", "timeline.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
