from django.urls import path

from contest import consumers

websocket_urlpatterns = [
    path("ws/clock/", consumers.ClockConsumer.as_asgi()),
]
